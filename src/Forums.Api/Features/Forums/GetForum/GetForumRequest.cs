using FastEndpoints;

namespace Forums.Api.Features.Forums.GetForum;

public sealed class GetForumRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }
}
