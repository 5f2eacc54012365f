using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Sessions.RemoveSpeaker;

internal sealed class RemoveSpeakerEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<RemoveSpeakerRequest>
{
    public override void Configure()
    {
        Delete("{sessionId}/speakers/{speakerId}");
        Group<SessionsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("removeSpeaker")
            .WithSummary("Take a speaker off a session")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(400, 404)
            .ProducesProblems(ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently), clearDefaults: true);
    }

    public override async Task HandleAsync(RemoveSpeakerRequest req, CancellationToken ct)
    {
        var loaded = await Changes.LoadAsync(db, db.Sessions, User, req.ForumId, req.SessionId, ifMatch: null, SessionProblems.NotFound, ct);
        var session = loaded.Value?.Entity;
        var assignment = session is null ? null
            : await db.SessionSpeakers.FirstOrDefaultAsync(a => a.SessionId == session.Id && a.SpeakerId == req.SpeakerId, ct);
        var refused = loaded.Problem
            ?? (assignment is null ? Problems.NotFound($"The speaker '{req.SpeakerId}' is not on this session.") : null);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        db.SessionSpeakers.Remove(assignment!);
        session!.Touch(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
