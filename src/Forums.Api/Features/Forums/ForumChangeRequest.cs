using FastEndpoints;

namespace Forums.Api.Features.Forums;

/// <summary>A change addressed to one forum by id, with an optional If-Match precondition and no body.</summary>
public sealed class ForumChangeRequest
{
    public Guid ForumId { get; init; }

    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }
}
