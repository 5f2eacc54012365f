using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Forums.GetForumBySlug;

internal sealed class GetForumBySlugEndpoint(ForumsDbContext db) : Endpoint<GetForumBySlugRequest, ForumResponse>
{
    private static readonly CompiledQuery<string, ForumResponse?> BySlug = new((db, slug, _) =>
        db.Forums.AsNoTracking().Where(f => f.Slug == slug).Select(ForumResponse.Projection).FirstOrDefault());

    public override void Configure()
    {
        // Outside /forums/{forumId}/..., so that no path can be read as both (a slug of "x" vs a forum's "x" sub-resource).
        Get("forum-slugs/{slug}");
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithTag(ForumsGroup.Tag)
            .WithName("getForumBySlug")
            .WithSummary("Get a forum by its slug")
            .Produces<ForumResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(GetForumBySlugRequest req, CancellationToken ct)
    {
        await Send.ResultAsync(ForumReads.Answer(HttpContext, await BySlug.RunAsync(db, req.Slug, ct),
            () => Problems.NotFound($"There is no forum with slug '{req.Slug}'.")));
    }
}
