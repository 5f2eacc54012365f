using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Forums.GetForum;

internal sealed class GetForumEndpoint(ForumsDbContext db) : Endpoint<GetForumRequest, ForumResponse>
{
    private static readonly Func<ForumsDbContext, Guid, CancellationToken, Task<ForumResponse?>> ById =
        EF.CompileAsyncQuery((ForumsDbContext db, Guid id, CancellationToken _) =>
            db.Forums.AsNoTracking().Where(f => f.Id == id).Select(ForumResponse.Projection).FirstOrDefault());

    public override void Configure()
    {
        Get("{forumId}");
        Group<ForumsGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("getForum")
            .WithSummary("Get a forum by id")
            .Produces<ForumResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(GetForumRequest req, CancellationToken ct)
    {
        await Send.ResultAsync(ForumReads.Answer(HttpContext, await ById(db, req.ForumId, ct), () => ForumProblems.NotFound(req.ForumId)));
    }
}
