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
            .ProducesProblems(400, 404, 409, 415), clearDefaults: true);
    }

    public override async Task HandleAsync(AssignSpeakerRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForOrganiserAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var outcome = await db.InTransactionAsync(async c =>
        {
            var calendar = await ProgrammeLock.TakeAsync(db, forum!.Id, c);
            var loaded = await Changes.LoadAsync(db.Sessions, forum, req.SessionId, ifMatch: null, SessionProblems.NotFound, c);
            if (loaded.Problem is { } missing)
                return Outcome.Refused(missing);
            var session = loaded.Value!;
            if (!await db.Speakers.AnyAsync(s => s.Id == req.SpeakerId && s.ForumId == forum.Id, c))
                return Outcome.Refused(SpeakerProblems.NotFound(req.SpeakerId));
            if (await ProgrammeRules.CheckConflictsAsync(db, forum.Id, session.Id, session.Slot, null, [req.SpeakerId], c) is { } clash)
                return Outcome.Refused(clash);

            var assignments = await db.SessionSpeakers.Where(a => a.SessionId == session.Id).ToListAsync(c);
            if (assignments.FirstOrDefault(a => a.SpeakerId == req.SpeakerId) is { } existing)
                existing.Change(req.Role!.Value, req.Order!.Value);
            else
            {
                if (await ProgrammeRules.CheckRoomForSpeakerAsync(db, forum.Id, c) is { } full)
                    return Outcome.Refused(full);
                var assignment = SessionSpeaker.Assign(session.Id, req.SpeakerId, req.Role!.Value, req.Order!.Value);
                db.SessionSpeakers.Add(assignment);
                assignments.Add(assignment);
            }
            session.Touch(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(c);
            return Outcome.Done(SessionResponse.From(session, assignments, calendar.Zone));
        }, ct);
        if (outcome.Problem is { } stopped)
        {
            await Send.ResultAsync(stopped);
            return;
        }
        HttpContext.Response.Headers.ETag = outcome.Value!.ETag;
        await Send.OkAsync(outcome.Value, ct);
    }
}
