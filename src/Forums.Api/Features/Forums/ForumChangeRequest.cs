using FastEndpoints;

namespace Forums.Api.Features.Forums;

/// <summary>A change addressed to one forum by id, with an optional If-Match precondition and no body.</summary>
public sealed class ForumChangeRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The ETag you read; if the forum changed since, the answer is 412 and nothing changes.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }
}
