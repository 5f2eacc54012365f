using System.Globalization;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Sessions;

/// <summary>
/// The programme's rules that need the database: a room or a speaker is never in two overlapping sessions, and a
/// slot lies within the forum's dates. Every programme change first takes the forum's programme lock (an UPDATE of
/// its ProgrammeVersion in the change's transaction), so two changes of one forum are checked one after the other,
/// on any number of instances.
/// </summary>
internal static class ProgrammeRules
{
    public sealed record ForumCalendar(DateOnly? StartDate, DateOnly? EndDate, TimeZoneInfo Zone);

    public static string Location(Guid forumId, Guid sessionId) => $"/api/forums/{forumId}/sessions/{sessionId}";

    public static IResult NotFound(Guid sessionId) => Problems.NotFound($"This forum has no session with id '{sessionId}'.");

    /// <summary>Takes the programme lock and reads the forum's dates and zone as they are under it.</summary>
    public static async Task<ForumCalendar> LockAsync(ForumsDbContext db, Guid forumId, CancellationToken ct)
    {
        await db.Forums.Where(f => f.Id == forumId)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.ProgrammeVersion, f => f.ProgrammeVersion + 1), ct);
        var forum = await db.Forums.AsNoTracking().Where(f => f.Id == forumId)
            .Select(f => new { f.StartDate, f.EndDate, f.TimeZone }).SingleAsync(ct);
        return new ForumCalendar(forum.StartDate, forum.EndDate, ForumTime.Zone(forum.TimeZone));
    }

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
            ? Problems.Conflict($"A forum's programme holds at most {Session.MaxPerForum} sessions; delete one first.")
            : null;

    /// <summary>409 once the forum's sessions have as many speakers, all together, as a programme may hold; under the programme lock.</summary>
    public static async Task<IResult?> CheckRoomForSpeakerAsync(ForumsDbContext db, Guid forumId, CancellationToken ct) =>
        await db.SessionSpeakers.CountAsync(a => db.Sessions.Any(s => s.Id == a.SessionId && s.ForumId == forumId), ct) >= SessionSpeaker.MaxPerForum
            ? Problems.Conflict($"A forum's sessions hold at most {SessionSpeaker.MaxPerForum:N0} speakers all together; remove one first.")
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
            return Problems.Conflict($"The room '{room}' is taken at that time by the session '{Titles.First(roomClash.Title)}' ({roomClash.Id}).",
                Location(forumId, roomClash.Id));

        if (speakerIds.Count > 0 && await overlapping
                .SelectMany(o => db.SessionSpeakers.Where(a => a.SessionId == o.Id && speakerIds.Contains(a.SpeakerId)),
                    (o, a) => new { o.Id, o.Title, a.SpeakerId })
                .FirstOrDefaultAsync(ct) is { } speakerClash)
            return Problems.Conflict(
                $"The speaker {speakerClash.SpeakerId} speaks at that time in the session '{Titles.First(speakerClash.Title)}' ({speakerClash.Id}).",
                Location(forumId, speakerClash.Id));
        return null;
    }

    /// <summary>
    /// The scheduled sessions that would lie outside these dates in this zone, named for a message: the first few,
    /// then how many more (a programme of thousands must not make a message of thousands).
    /// </summary>
    public static async Task<List<string>> SessionsOutsideAsync(ForumsDbContext db, Guid forumId, DateOnly? first, DateOnly? last,
        TimeZoneInfo zone, CancellationToken ct)
    {
        const int named = 5;
        var scheduled = await db.Sessions.AsNoTracking()
            .Where(s => s.ForumId == forumId && s.StartsAt != null && s.EndsAt != null)
            .Select(s => new { s.Id, s.Title, s.StartsAt, s.EndsAt }).ToListAsync(ct);
        var outside = scheduled
            .Where(s => !ForumTime.WithinDates(new TimeSlot(s.StartsAt!.Value, s.EndsAt!.Value), first, last, zone))
            .ToList();
        var names = outside.Take(named).Select(s => $"'{Titles.First(s.Title)}' ({s.Id})").ToList();
        if (outside.Count > named)
            names.Add(string.Create(CultureInfo.InvariantCulture, $"and {outside.Count - named:N0} more"));
        return names;
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

internal static class Titles
{
    /// <summary>A language map's first text, to name a thing in a message.</summary>
    public static string First(Dictionary<string, string> text) => text.Values.FirstOrDefault() ?? "";
}
