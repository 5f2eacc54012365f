using FastEndpoints;

namespace Forums.Api.Features.Speakers.CreateSpeaker;

/// <summary>The new speaker's public profile, and the delegate who is that person, if any.</summary>
public sealed class CreateSpeakerRequest : SpeakerFields
{
    /// <summary>The forum's id.</summary>
    [FastEndpoints.RouteParam]
    public Guid ForumId { get; init; }

    internal sealed class Validator : Validator<CreateSpeakerRequest>
    {
        public Validator() => Include(new SpeakerFieldsValidator());
    }
}
