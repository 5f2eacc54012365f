using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.CheckIns.GetCheckInSummary;

/// <summary>How many are in: confirmed delegates, those of them checked in, and the scans made (of any badge, ever); in all, by delegation and by day.</summary>
/// <param name="Confirmed">Delegates whose registration is confirmed now.</param>
/// <param name="CheckedIn">Confirmed delegates who have checked in (one cancelled since is not counted).</param>
/// <param name="NotYetCheckedIn">Confirmed delegates who have not checked in yet.</param>
/// <param name="Scans">Scans ever accepted at this forum's doors, a badge scanned again included; a retried scan (the same nonce) counts once, a refused one (404, 409) not at all.</param>
/// <param name="ByDelegation">The same counts for every delegation (or the one asked for), in the order of the delegation list, then for the delegates in no delegation (delegationId null) when there are any.</param>
/// <param name="ByDay">Per day of the forum's time zone on which anyone was scanned, in date order: first check-ins and scans.</param>
public sealed record CheckInSummaryResponse(int Confirmed, int CheckedIn, int NotYetCheckedIn, int Scans,
    List<DelegationCheckIns> ByDelegation, List<DayCheckIns> ByDay);

/// <summary>One delegation's check-in counts.</summary>
/// <param name="DelegationId">The delegation's id; null for the delegates in no delegation.</param>
/// <param name="Confirmed">Its delegates whose registration is confirmed now.</param>
/// <param name="CheckedIn">Those of them who have checked in.</param>
/// <param name="NotYetCheckedIn">Those of them who have not checked in yet.</param>
/// <param name="Scans">Scans of its delegates' badges.</param>
public sealed record DelegationCheckIns(Guid? DelegationId, int Confirmed, int CheckedIn, int NotYetCheckedIn, int Scans);

/// <summary>One day's check-ins, in the forum's time zone.</summary>
/// <param name="Date">The day (YYYY-MM-DD, in the forum's time zone).</param>
/// <param name="CheckedIn">Confirmed delegates whose first check-in was that day.</param>
/// <param name="Scans">Scans accepted that day.</param>
public sealed record DayCheckIns(DateOnly Date, int CheckedIn, int Scans);

public sealed class CheckInSummaryRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>Only the delegates of this delegation (their scans included); its counts alone then fill byDelegation.</summary>
    [QueryParam]
    public Guid? DelegationId { get; init; }
}

internal sealed class GetCheckInSummaryEndpoint(ForumsDbContext db) : Endpoint<CheckInSummaryRequest, CheckInSummaryResponse>
{
    public override void Configure()
    {
        Get("summary");
        Group<CheckInsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("getCheckInSummary")
            .WithSummary("Check-in counts of a forum")
            .Produces<CheckInSummaryResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CheckInSummaryRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForOrganiserAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }
        // Both counts are of confirmed delegates: one checked in and cancelled since is no longer expected, nor in.
        var delegates = db.Delegates.AsNoTracking().Where(d => d.ForumId == forum!.Id);
        if (req.DelegationId is { } only)
            delegates = delegates.Where(d => d.DelegationId == only);
        var confirmed = await delegates.Where(d => d.Status == RegistrationStatus.Confirmed)
            .Select(d => new { d.DelegationId, d.CheckedInAt }).ToListAsync(ct);
        var scans = await db.CheckIns.AsNoTracking().Where(c => c.ForumId == forum!.Id)
            .Join(delegates, c => c.DelegateId, d => d.Id, (c, d) => new { d.DelegationId, c.ScannedAt }).ToListAsync(ct);
        var order = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forum!.Id).OrderBy(d => d.SortKey).Select(d => d.Id).ToListAsync(ct);
        var zone = ForumTime.Zone(forum!.TimeZone);
        DateOnly Day(DateTime utc) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, zone));

        // Every delegation (or the one asked for), with zeros where none is in; then those in no delegation, if any.
        IEnumerable<Guid?> rows = req.DelegationId is { } asked ? [asked] : order.Select(id => (Guid?)id);
        if (req.DelegationId is null && (confirmed.Any(d => d.DelegationId is null) || scans.Any(s => s.DelegationId is null)))
            rows = rows.Append(null);
        var byDelegation = rows
            .Select(id =>
            {
                var own = confirmed.Where(d => d.DelegationId == id).ToList();
                var checkedIn = own.Count(d => d.CheckedInAt is not null);
                return new DelegationCheckIns(id, own.Count, checkedIn, own.Count - checkedIn, scans.Count(s => s.DelegationId == id));
            }).ToList();
        var byDay = confirmed.Where(d => d.CheckedInAt is not null).Select(d => (Day: Day(d.CheckedInAt!.Value), First: 1, Scan: 0))
            .Concat(scans.Select(s => (Day: Day(s.ScannedAt), First: 0, Scan: 1)))
            .GroupBy(x => x.Day).OrderBy(g => g.Key)
            .Select(g => new DayCheckIns(g.Key, g.Sum(x => x.First), g.Sum(x => x.Scan))).ToList();
        var inside = confirmed.Count(d => d.CheckedInAt is not null);
        await Send.OkAsync(new CheckInSummaryResponse(confirmed.Count, inside, confirmed.Count - inside, scans.Count, byDelegation, byDay), ct);
    }
}
