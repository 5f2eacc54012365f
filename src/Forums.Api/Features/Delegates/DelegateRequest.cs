using FastEndpoints;

namespace Forums.Api.Features.Delegates;

/// <summary>One delegate of a forum.</summary>
public sealed class DelegateRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The delegate's id.</summary>
    [RouteParam]
    public Guid DelegateId { get; init; }
}

/// <summary>A change of one delegate's registration, with an optional If-Match precondition and no body.</summary>
public sealed class DelegateChangeRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The delegate's id.</summary>
    [RouteParam]
    public Guid DelegateId { get; init; }

    /// <summary>The ETag you read; if the delegate changed since, the answer is 412 and nothing changes.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }
}
