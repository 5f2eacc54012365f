using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Features.Speakers;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Sessions.AssignSpeaker;

internal sealed class AssignSpeakerEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<AssignSpeakerRequest, SessionResponse>
{
    public override void Configure()
    {
        Put("{sessionId}/speakers/{speakerId}");
        Group<SessionsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("assignSpeaker")
            .WithSummary("Put a speaker on a session with a role and an order (or change them)")
            .WithDescription($"A speaker who would be in two overlapping sessions answers 409, naming the other session. A forum's sessions hold at most {SessionSpeaker.MaxPerForum:N0} speakers all together (409).")
            .Accepts<AssignSpeakerRequest>("application/json")
            .Produces<SessionResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 415)
            .ProducesProblems(ProblemTypes.SpeakerClash, ProblemTypes.ProgrammeLimit, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently), clearDefaults: true);
    }

    public override async Task HandleAsync(AssignSpeakerRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForChangeAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var outcome = await db.InTransactionAsync(c =>
            new AssignSpeakerCommand(forum!.Id, req.SessionId, req.SpeakerId, req.Role, req.Order)
                .RunAsync(db, time.GetUtcNow().UtcDateTime, c), ct);
        if (outcome.Problem is { } stopped)
        {
            await Send.ResultAsync(stopped);
            return;
        }
        HttpContext.Response.Headers.ETag = outcome.Value!.ETag;
        await Send.OkAsync(outcome.Value, ct);
    }
}
