namespace Forums.Api.Features.Forums.GetForumBySlug;

public sealed class GetForumBySlugRequest
{
    public string Slug { get; init; } = "";
}
