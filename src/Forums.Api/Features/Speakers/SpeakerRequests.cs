using FastEndpoints;

namespace Forums.Api.Features.Speakers;

/// <summary>One speaker of a forum.</summary>
public sealed class SpeakerRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The speaker's id.</summary>
    [RouteParam]
    public Guid SpeakerId { get; init; }
}

/// <summary>A change to one speaker, with an optional If-Match precondition and no body.</summary>
public sealed class SpeakerChangeRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The speaker's id.</summary>
    [RouteParam]
    public Guid SpeakerId { get; init; }

    /// <summary>The ETag you read; if the speaker changed since, the answer is 412 and nothing changes.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }
}
