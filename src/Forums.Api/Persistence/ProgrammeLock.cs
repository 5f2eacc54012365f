using System.Globalization;
using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

/// <summary>A forum's dates and zone, as they are under its programme lock.</summary>
public sealed record ForumCalendar(DateOnly? StartDate, DateOnly? EndDate, TimeZoneInfo Zone);

/// <summary>The scheduled sessions a change of dates would leave outside: the first few by name, how many in all, and all their ids.</summary>
public sealed record SessionsOutside(IReadOnlyList<(Guid Id, Dictionary<string, string> Title)> First, int Count, IReadOnlyList<Guid> Ids)
{
    /// <summary>Named for a message: a programme of thousands must not make a message of thousands.</summary>
    public List<string> Names(Func<Dictionary<string, string>, string> title)
    {
        var names = First.Select(s => $"'{title(s.Title)}' ({s.Id})").ToList();
        if (Count > First.Count)
            names.Add(string.Create(CultureInfo.InvariantCulture, $"and {Count - First.Count:N0} more"));
        return names;
    }
}

/// <summary>
/// Every programme change first takes the forum's programme lock (an UPDATE of its ProgrammeVersion in the change's
/// transaction), so two changes of one forum's programme or dates are checked one after the other, on any number of instances.
/// </summary>
public static class ProgrammeLock
{
    /// <summary>Takes the programme lock and reads the forum's dates and zone as they are under it.</summary>
    public static async Task<ForumCalendar> TakeAsync(ForumsDbContext db, Guid forumId, CancellationToken ct)
    {
        await db.Forums.Where(f => f.Id == forumId)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.ProgrammeVersion, f => f.ProgrammeVersion + 1), ct);
        var forum = await db.Forums.AsNoTracking().Where(f => f.Id == forumId)
            .Select(f => new { f.StartDate, f.EndDate, f.TimeZone }).SingleAsync(ct);
        return new ForumCalendar(forum.StartDate, forum.EndDate, ForumTime.Zone(forum.TimeZone));
    }

    /// <summary>The scheduled sessions that would lie outside these dates in this zone; call under the lock.</summary>
    public static async Task<SessionsOutside> SessionsOutsideAsync(ForumsDbContext db, Guid forumId, DateOnly? first, DateOnly? last,
        TimeZoneInfo zone, CancellationToken ct)
    {
        const int named = 5;
        var scheduled = await db.Sessions.AsNoTracking()
            .Where(s => s.ForumId == forumId && s.StartsAt != null && s.EndsAt != null)
            .Select(s => new { s.Id, s.Title, s.StartsAt, s.EndsAt }).ToListAsync(ct);
        var outside = scheduled
            .Where(s => !ForumTime.WithinDates(new TimeSlot(s.StartsAt!.Value, s.EndsAt!.Value), first, last, zone))
            .ToList();
        return new SessionsOutside(outside.Take(named).Select(s => (s.Id, s.Title)).ToList(), outside.Count, outside.Select(s => s.Id).ToList());
    }
}
