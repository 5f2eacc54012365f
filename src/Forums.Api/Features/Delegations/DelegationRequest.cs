using FastEndpoints;

namespace Forums.Api.Features.Delegations;

/// <summary>One delegation of a forum.</summary>
public sealed class DelegationRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The delegation's id.</summary>
    [RouteParam]
    public Guid DelegationId { get; init; }
}

/// <summary>A change to one delegation of a forum, with an optional If-Match precondition and no body.</summary>
public sealed class DelegationChangeRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The delegation's id.</summary>
    [RouteParam]
    public Guid DelegationId { get; init; }

    /// <summary>The ETag you read; if the delegation changed since, the answer is 412 and nothing changes.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }
}
