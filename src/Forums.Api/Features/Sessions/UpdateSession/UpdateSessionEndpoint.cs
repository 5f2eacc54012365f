using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Sessions.UpdateSession;

internal sealed class UpdateSessionEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<UpdateSessionRequest, SessionResponse>
{
    public override void Configure()
    {
        Put("{sessionId}");
        Group<SessionsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("updateSession")
            .WithSummary("Replace a session's fields, its slot and room included")
            .WithDescription("A new slot or room that makes the room or one of the session's speakers be in two overlapping sessions answers 409, naming the other session.")
            .Accepts<UpdateSessionRequest>("application/json")
            .Produces<SessionResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 409, 412, 415), clearDefaults: true);
    }

    public override async Task HandleAsync(UpdateSessionRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForOrganiserAsync(db, User, req.ForumId, ct);
        SessionResponse? response = null;
        try
        {
            refused ??= await db.TryInTransactionAsync(async c =>
            {
                var calendar = await ProgrammeRules.LockAsync(db, forum!.Id, c);
                var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == req.SessionId && s.ForumId == forum.Id, c);
                if (session is null)
                    return ProgrammeRules.NotFound(req.SessionId);
                if (ConditionalWrites.CheckIfMatch(req.IfMatch, session) is { } stale)
                    return stale;
                var speakers = await db.SessionSpeakers.Where(a => a.SessionId == session.Id).ToListAsync(c);
                var details = req.ToDetails();
                var problem = ProgrammeRules.CheckDates(details.Slot, calendar)
                              ?? await ProgrammeRules.CheckConflictsAsync(db, forum.Id, session.Id, details.Slot, details.Room,
                                  speakers.Select(a => a.SpeakerId).ToList(), c);
                if (problem is not null)
                    return problem;
                session.Update(details, time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(c);
                response = SessionResponse.From(session, speakers, calendar.Zone);
                return null;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            refused = ConditionalWrites.Raced(req.IfMatch);
        }
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }
        HttpContext.Response.Headers.ETag = response!.ETag;
        await Send.OkAsync(response, ct);
    }
}
