using Forums.Api.Domain;
using Forums.Api.Features.Speakers;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Sessions.AssignSpeaker;

/// <summary>
/// Putting a speaker on a session (or changing their role and order there), whoever asks (the API, the seed): under
/// the forum's programme lock, the speaker in no two overlapping sessions and the programme's speaker places bounded.
/// A role or order not given is the assignment's own (a new one speaks, after the session's last speaker).
/// </summary>
public sealed record AssignSpeakerCommand(Guid ForumId, Guid SessionId, Guid SpeakerId, SpeakerRole? Role, int? Order)
{
    /// <summary>Saves the assignment; run it in a transaction, which a refusal rolls back.</summary>
    public async Task<Outcome<SessionResponse>> RunAsync(ForumsDbContext db, DateTime now, CancellationToken ct)
    {
        var calendar = await ProgrammeLock.TakeAsync(db, ForumId, ct);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == SessionId && s.ForumId == ForumId, ct);
        if (session is null)
            return Outcome.Refused(SessionProblems.NotFound(SessionId));
        if (!await db.Speakers.AnyAsync(s => s.Id == SpeakerId && s.ForumId == ForumId, ct))
            return Outcome.Refused(SpeakerProblems.NotFound(SpeakerId));
        if (await ProgrammeRules.CheckConflictsAsync(db, ForumId, session.Id, session.Slot, null, [SpeakerId], ct) is { } clash)
            return Outcome.Refused(clash);

        var assignments = await db.SessionSpeakers.Where(a => a.SessionId == session.Id).ToListAsync(ct);
        if (assignments.FirstOrDefault(a => a.SpeakerId == SpeakerId) is { } existing)
            existing.Change(Role ?? existing.Role, Order ?? existing.Order);
        else
        {
            if (await ProgrammeRules.CheckRoomForSpeakerAsync(db, ForumId, ct) is { } full)
                return Outcome.Refused(full);
            var last = assignments.Count == 0 ? 0 : assignments.Max(a => a.Order);
            var assignment = SessionSpeaker.Assign(session.Id, SpeakerId, Role ?? SpeakerRole.Speaker, Order ?? Math.Min(last + 1, SessionSpeaker.MaxOrder));
            db.SessionSpeakers.Add(assignment);
            assignments.Add(assignment);
        }
        session.Touch(now);
        await db.SaveChangesAsync(ct);
        return Outcome.Done(SessionResponse.From(session, assignments, calendar.Zone));
    }
}
