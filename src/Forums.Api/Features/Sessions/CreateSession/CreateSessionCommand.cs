using Forums.Api.Domain;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Sessions.CreateSession;

/// <summary>
/// Adding a session to a forum's programme, whoever asks (the API, the seed): under the forum's programme lock, its
/// slot within the forum's dates, room in the programme, and no room in two overlapping sessions.
/// </summary>
public sealed record CreateSessionCommand(Guid Id, Guid ForumId, SessionDetails Details)
{
    /// <summary>Saves the session; run it in a transaction, which a refusal rolls back.</summary>
    public async Task<Outcome<SessionResponse>> RunAsync(ForumsDbContext db, DateTime now, CancellationToken ct)
    {
        var calendar = await ProgrammeLock.TakeAsync(db, ForumId, ct);
        var problem = ProgrammeRules.CheckDates(Details.Slot, calendar)
                      ?? await ProgrammeRules.CheckRoomForSessionAsync(db, ForumId, ct)
                      ?? await ProgrammeRules.CheckConflictsAsync(db, ForumId, Guid.Empty, Details.Slot, Details.Room, [], ct);
        if (problem is not null)
            return Outcome.Refused(problem);
        var created = Session.Create(Id, ForumId, Details, now);
        db.Sessions.Add(created);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(SessionResponse.From(created, [], calendar.Zone));
    }
}
