using Forums.Api.Domain;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Programme;

/// <summary>Everything the agenda and the exports show of one forum, read once.</summary>
internal sealed record ProgrammeSnapshot(
    ProgrammeSnapshot.ForumFacts Forum,
    TimeZoneInfo Zone,
    IReadOnlyList<Session> Sessions,
    ILookup<Guid, (SessionSpeaker Assignment, Speaker Speaker)> SpeakersBySession)
{
    public sealed record ForumFacts(Guid Id, string Slug, Dictionary<string, string> Title, Dictionary<string, string>? Description,
        Dictionary<string, string>? Venue, Dictionary<string, string> City, DateOnly? StartDate, DateOnly? EndDate, string TimeZone,
        List<string> Languages, DateTime UpdatedAt, long Version, long ProgrammeVersion)
    {
        /// <summary>The languages the programme's texts are written in, as far as the forum says: its working languages and its title's.</summary>
        public IEnumerable<string> TextLanguages => Languages.Concat(Title.Keys);
    }

    public static async Task<ProgrammeSnapshot> LoadAsync(ForumsDbContext db, Guid forumId, CancellationToken ct)
    {
        var forum = await db.Forums.AsNoTracking().Where(f => f.Id == forumId)
            .Select(f => new ForumFacts(f.Id, f.Slug, f.Title, f.Description, f.Venue, f.City, f.StartDate, f.EndDate, f.TimeZone,
                f.Languages, f.UpdatedAt, f.Version, f.ProgrammeVersion))
            .SingleAsync(ct);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.ForumId == forumId).OrderBy(s => s.SortKey).ToListAsync(ct);
        // Each speaker once, however many sessions they are on: the agenda repeats a profile, the snapshot need not.
        var assignments = await db.SessionSpeakers.AsNoTracking()
            .Where(a => db.Sessions.Any(s => s.Id == a.SessionId && s.ForumId == forumId)).ToListAsync(ct);
        var speakers = await db.Speakers.AsNoTracking()
            .Where(s => s.ForumId == forumId && db.SessionSpeakers.Any(a => a.SpeakerId == s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return new ProgrammeSnapshot(forum, ForumTime.Zone(forum.TimeZone), sessions,
            assignments.Select(a => (Assignment: a, Speaker: speakers[a.SpeakerId]))
                .OrderBy(x => x.Assignment.Order).ThenBy(x => x.Speaker.SortKey).ToLookup(x => x.Assignment.SessionId));
    }

    /// <summary>Scheduled sessions by start, then programme order.</summary>
    public IEnumerable<Session> Scheduled => Sessions.Where(s => s.Slot is not null).OrderBy(s => s.StartsAt).ThenBy(s => s.SortKey);

    public IEnumerable<Session> Unscheduled => Sessions.Where(s => s.Slot is null);
}
