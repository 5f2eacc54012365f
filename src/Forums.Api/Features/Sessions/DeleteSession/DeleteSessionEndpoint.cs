using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Sessions.DeleteSession;

internal sealed class DeleteSessionEndpoint(ForumsDbContext db) : Endpoint<SessionChangeRequest>
{
    public override void Configure()
    {
        Delete("{sessionId}");
        Group<SessionsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("deleteSession")
            .WithSummary("Delete a session; its speakers stay in the forum")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(400, 404, 412)
            .ProducesProblems(ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently), clearDefaults: true);
    }

    public override async Task HandleAsync(SessionChangeRequest req, CancellationToken ct)
    {
        var loaded = await Changes.LoadAsync(db, db.Sessions, User, req.ForumId, req.SessionId, req.IfMatch, SessionProblems.NotFound, ct);
        if (loaded.Problem is { } refused)
        {
            await Send.ResultAsync(refused);
            return;
        }

        db.Sessions.Remove(loaded.Value!.Entity);
        if (await ConditionalWrites.SaveAsync(db, req.IfMatch, null, ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }
        await Send.NoContentAsync(ct);
    }
}
