using FastEndpoints;

namespace Forums.Api.Features.Sessions.RemoveSpeaker;

public sealed class RemoveSpeakerRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The session's id.</summary>
    [RouteParam]
    public Guid SessionId { get; init; }

    /// <summary>The speaker's id.</summary>
    [RouteParam]
    public Guid SpeakerId { get; init; }
}
