using FastEndpoints;

namespace Forums.Api.Features.Speakers.UpdateSpeaker;

/// <summary>The speaker's new fields, all of them: fields left out are cleared.</summary>
public class UpdateSpeakerRequest : SpeakerFields
{
    /// <summary>The speaker's id.</summary>
    [RouteParam]
    public Guid SpeakerId { get; init; }

    /// <summary>The ETag you read; if the speaker changed since, the answer is 412 and nothing changes.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }

    /// <summary>The forum's id.</summary>
    [FastEndpoints.RouteParam]
    public Guid ForumId { get; init; }

    internal sealed class Validator : Validator<UpdateSpeakerRequest>
    {
        public Validator() => Include(new SpeakerFieldsValidator());
    }
}
