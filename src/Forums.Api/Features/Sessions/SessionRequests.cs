using FastEndpoints;

namespace Forums.Api.Features.Sessions;

/// <summary>One session of a forum.</summary>
public sealed class SessionRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The session's id.</summary>
    [RouteParam]
    public Guid SessionId { get; init; }
}

/// <summary>A change to one session, with an optional If-Match precondition and no body.</summary>
public sealed class SessionChangeRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The session's id.</summary>
    [RouteParam]
    public Guid SessionId { get; init; }

    /// <summary>The ETag you read; if the session changed since, the answer is 412 and nothing changes.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }
}
