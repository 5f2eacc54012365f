using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Sessions;

/// <summary>
/// The programme's rules that need the database: a room or a speaker is never in two overlapping sessions, and a
/// slot lies within the forum's dates. Each is checked under the forum's <see cref="ProgrammeLock"/>.
/// </summary>
internal static class ProgrammeRules
{
    /// <summary>The place after the forum's last session (0 for the first), where a session sent without an order goes.</summary>
    public static async Task<int> NextOrderAsync(ForumsDbContext db, Guid forumId, CancellationToken ct) =>
        Math.Min((await db.Sessions.Where(s => s.ForumId == forumId).MaxAsync(s => (int?)s.Order, ct) ?? -1) + 1, Session.MaxOrder);

    public static IResult? CheckDates(TimeSlot? slot, ForumCalendar calendar)
    {
        if (slot is not { } s || ForumTime.WithinDates(s, calendar.StartDate, calendar.EndDate, calendar.Zone))
            return null;
        var (first, last) = Forum.Span(calendar.StartDate, calendar.EndDate);
        var fixedDates = calendar.StartDate is not null && calendar.EndDate is not null
            ? "the forum's dates"
            : $"the {Forum.MaxDays} days the forum can last from its one fixed date";
        return Problems.BadRequest("startsAt", $"The slot lies outside {fixedDates} ({first:yyyy-MM-dd} to {last:yyyy-MM-dd}, {calendar.Zone.Id}).");
    }

    /// <summary>409 once the forum has as many sessions as a programme may hold; checked under the programme lock.</summary>
    public static async Task<IResult?> CheckRoomForSessionAsync(ForumsDbContext db, Guid forumId, CancellationToken ct) =>
        await db.Sessions.CountAsync(s => s.ForumId == forumId, ct) >= Session.MaxPerForum
            ? Problems.Result(ProblemTypes.ProgrammeLimit, $"A forum's programme holds at most {Session.MaxPerForum} sessions; delete one first.",
                (ProblemMembers.Limit, Session.MaxPerForum))
            : null;

    /// <summary>409 once the forum's sessions have as many speakers, all together, as a programme may hold; under the programme lock.</summary>
    public static async Task<IResult?> CheckRoomForSpeakerAsync(ForumsDbContext db, Guid forumId, CancellationToken ct) =>
        await db.SessionSpeakers.CountAsync(a => db.Sessions.Any(s => s.Id == a.SessionId && s.ForumId == forumId), ct) >= SessionSpeaker.MaxPerForum
            ? Problems.Result(ProblemTypes.ProgrammeLimit, $"A forum's sessions hold at most {SessionSpeaker.MaxPerForum:N0} speakers all together; remove one first.",
                (ProblemMembers.Limit, SessionSpeaker.MaxPerForum))
            : null;

    /// <summary>409 naming the other session when the room or one of the speakers is taken during the slot.</summary>
    public static async Task<IResult?> CheckConflictsAsync(ForumsDbContext db, Guid forumId, Guid sessionId, TimeSlot? slot,
        string? room, IReadOnlyCollection<Guid> speakerIds, CancellationToken ct)
    {
        if (slot is not { } s)
            return null;
        var overlapping = db.Sessions.AsNoTracking()
            .Where(o => o.ForumId == forumId && o.Id != sessionId && o.StartsAt < s.EndsAt && o.EndsAt > s.StartsAt);

        if (NameKey.Of(room) is { } roomKey && await overlapping.Where(o => o.RoomKey == roomKey)
                .Select(o => new { o.Id, o.Title }).FirstOrDefaultAsync(ct) is { } roomClash)
            return Problems.Result(ProblemTypes.RoomClash,
                $"The room '{room}' is taken at that time by the session '{Titles.First(roomClash.Title)}' ({roomClash.Id}).",
                (ProblemMembers.ConflictingSessionId, roomClash.Id), (ProblemMembers.Existing, SessionProblems.Location(forumId, roomClash.Id)));

        if (speakerIds.Count > 0 && await overlapping
                .SelectMany(o => db.SessionSpeakers.Where(a => a.SessionId == o.Id && speakerIds.Contains(a.SpeakerId)),
                    (o, a) => new { o.Id, o.Title, a.SpeakerId })
                .FirstOrDefaultAsync(ct) is { } speakerClash)
            return Problems.Result(ProblemTypes.SpeakerClash,
                $"The speaker {speakerClash.SpeakerId} speaks at that time in the session '{Titles.First(speakerClash.Title)}' ({speakerClash.Id}).",
                (ProblemMembers.SpeakerId, speakerClash.SpeakerId), (ProblemMembers.ConflictingSessionId, speakerClash.Id),
                (ProblemMembers.Existing, SessionProblems.Location(forumId, speakerClash.Id)));
        return null;
    }

    /// <summary>Loads sessions with their speakers, ready to answer in the forum's zone.</summary>
    public static async Task<List<SessionResponse>> ResponsesAsync(ForumsDbContext db, IQueryable<Session> sessions, TimeZoneInfo zone, CancellationToken ct)
    {
        var rows = await sessions.AsNoTracking().ToListAsync(ct);
        var ids = rows.Select(s => s.Id).ToList();
        var speakers = (await db.SessionSpeakers.AsNoTracking().Where(a => ids.Contains(a.SessionId)).ToListAsync(ct)).ToLookup(a => a.SessionId);
        return rows.Select(s => SessionResponse.From(s, speakers[s.Id], zone)).ToList();
    }
}
