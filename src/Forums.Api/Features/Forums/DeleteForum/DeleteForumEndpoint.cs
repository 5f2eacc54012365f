using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Forums.DeleteForum;

internal sealed class DeleteForumEndpoint(ForumsDbContext db) : Endpoint<ForumChangeRequest>
{
    public override void Configure()
    {
        Delete("{forumId}");
        Group<ForumsGroup>();
        Definition.Access(AccessLevel.Admin);
        Description(d => d
            .WithName("deleteForum")
            .WithSummary("Delete a draft or archived forum")
            .WithDescription("A published forum cannot be deleted (409): archive it first.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(400, 404, 412)
            .ProducesProblems(ProblemTypes.StatusNotAllowed, ProblemTypes.ChangedConcurrently), clearDefaults: true);
    }

    public override async Task HandleAsync(ForumChangeRequest req, CancellationToken ct)
    {
        var loaded = await Changes.LoadForumAsync(db, User, req.ForumId, req.IfMatch, ct, evenArchived: true);
        if (loaded.Problem is { } refused)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var forum = loaded.Value!;
        forum.EnsureCanBeDeleted();
        db.Forums.Remove(forum);
        if (await ConditionalWrites.SaveAsync(db, req.IfMatch, null, ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }
        await Send.NoContentAsync(ct);
    }
}
