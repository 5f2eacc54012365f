using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Sessions.UpdateSession;

internal class UpdateSessionEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<UpdateSessionRequest, SessionResponse>
{
    /// <summary>The problem types of its 409 (and of its merge patch's).</summary>
    internal static readonly ProblemType[] Conflicts = [ProblemTypes.RoomClash, ProblemTypes.SpeakerClash, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently];

    /// <summary>What a change of a session must respect, whether the whole body is sent (PUT) or a merge patch of it.</summary>
    internal const string Rules =
        "A new slot or room that makes the room or one of the session's speakers be in two overlapping sessions answers 409, naming the other session.";

    public override void Configure()
    {
        Put("{sessionId}");
        Group<SessionsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("updateSession")
            .WithSummary("Replace a session's fields, its slot and room included")
            .WithDescription(Rules)
            .Accepts<UpdateSessionRequest>("application/json")
            .Produces<SessionResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412, 415)
            .ProducesProblems(Conflicts), clearDefaults: true);
    }

    public override async Task HandleAsync(UpdateSessionRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForChangeAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        Outcome<SessionResponse> outcome;
        try
        {
            outcome = await db.InTransactionAsync(async c =>
            {
                var calendar = await ProgrammeLock.TakeAsync(db, forum!.Id, c);
                var loaded = await Changes.LoadAsync(db.Sessions, forum, req.SessionId, req.IfMatch, SessionProblems.NotFound, c);
                if (loaded.Problem is { } missing)
                    return Outcome.Refused(missing);
                var session = loaded.Value!;
                var speakers = await db.SessionSpeakers.Where(a => a.SessionId == session.Id).ToListAsync(c);
                var details = req.ToDetails(orderWhenAbsent: session.Order);
                var problem = ProgrammeRules.CheckDates(details.Slot, calendar)
                              ?? await ProgrammeRules.CheckConflictsAsync(db, forum.Id, session.Id, details.Slot, details.Room,
                                  speakers.Select(a => a.SpeakerId).ToList(), c);
                if (problem is not null)
                    return Outcome.Refused(problem);
                session.Update(details, time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(c);
                return Outcome.Done(SessionResponse.From(session, speakers, calendar.Zone));
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            outcome = Outcome.Refused(ConditionalWrites.Raced(req.IfMatch));
        }
        if (outcome.Problem is { } stopped)
        {
            await Send.ResultAsync(stopped);
            return;
        }
        HttpContext.Response.Headers.ETag = outcome.Value!.ETag;
        await Send.OkAsync(outcome.Value, ct);
    }
}
