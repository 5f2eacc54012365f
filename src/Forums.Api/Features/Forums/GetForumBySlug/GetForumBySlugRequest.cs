using FastEndpoints;

namespace Forums.Api.Features.Forums.GetForumBySlug;

public sealed class GetForumBySlugRequest
{
    /// <summary>The forum's slug, e.g. central-asia-korea-ii.</summary>
    [RouteParam]
    public string Slug { get; init; } = "";
}
