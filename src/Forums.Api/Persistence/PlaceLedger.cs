using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

public enum PlaceOutcome
{
    Taken,
    DelegationFull,
    ForumFull,
}

/// <summary>
/// Where places are taken and given back. Each step is one conditional UPDATE of a counter
/// ("... SET PlacesTaken = PlacesTaken + 1 WHERE Id = @id AND PlacesTaken &lt; Capacity"), which the database
/// runs atomically under the row's lock: two instances registering at once are serialised by the engine, and
/// the second one sees the first one's place. Callers run it inside a transaction with the delegate's own write,
/// and always lock the delegation before the forum, so that no two transactions wait for each other.
/// </summary>
public sealed class PlaceLedger(ForumsDbContext db)
{
    public async Task<PlaceOutcome> TryTakeAsync(Guid forumId, Guid? delegationId, CancellationToken ct)
    {
        // Plain SQL rather than ExecuteUpdate: these run inside the write lock of every registration, where the LINQ
        // translation per call cost as much as the statement (same statements on both engines).
        if (delegationId is { } delegation)
        {
            var tookQuota = await db.Database.ExecuteSqlAsync(
                $"""UPDATE "Delegations" SET "PlacesTaken" = "PlacesTaken" + 1 WHERE "Id" = {delegation} AND ("Quota" IS NULL OR "PlacesTaken" < "Quota")""", ct);
            if (tookQuota == 0)
                return PlaceOutcome.DelegationFull;
        }

        var tookPlace = await db.Database.ExecuteSqlAsync(
            $"""UPDATE "Forums" SET "PlacesTaken" = "PlacesTaken" + 1 WHERE "Id" = {forumId} AND ("Capacity" IS NULL OR "PlacesTaken" < "Capacity")""", ct);
        if (tookPlace == 1)
            return PlaceOutcome.Taken;

        if (delegationId is { } given)
            await ReleaseQuotaAsync(given, ct);
        return PlaceOutcome.ForumFull;
    }

    public async Task ReleaseAsync(Guid forumId, Guid? delegationId, CancellationToken ct)
    {
        if (delegationId is { } delegation)
            await ReleaseQuotaAsync(delegation, ct);
        await db.Forums.Where(f => f.Id == forumId && f.PlacesTaken > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(f => f.PlacesTaken, f => f.PlacesTaken - 1), ct);
    }

    /// <summary>Moves a held place from one delegation's quota to another's; false when the new delegation is full.</summary>
    public async Task<bool> MoveQuotaAsync(Guid? from, Guid? to, CancellationToken ct)
    {
        if (from == to)
            return true;
        if (to is { } target)
        {
            var took = await db.Delegations
                .Where(d => d.Id == target && (d.Quota == null || d.PlacesTaken < d.Quota))
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.PlacesTaken, d => d.PlacesTaken + 1), ct);
            if (took == 0)
                return false;
        }
        if (from is { } source)
            await ReleaseQuotaAsync(source, ct);
        return true;
    }

    /// <summary>
    /// Gives free places to the longest-waiting delegates, in the order they joined the waitlist; one whose
    /// delegation is full is passed over for the next. Stops when the forum is full. Returns how many moved up.
    /// </summary>
    public async Task<int> PromoteWaitlistedAsync(Guid forumId, bool requiresApproval, DateTime now, CancellationToken ct)
    {
        const int Batch = 50;
        var promoted = 0;
        var passedOver = new HashSet<Guid>();
        while (true)
        {
            var candidates = await db.Delegates
                .Where(d => d.ForumId == forumId && d.Status == RegistrationStatus.Waitlisted && !passedOver.Contains(d.Id))
                .OrderBy(d => d.WaitlistedAt).ThenBy(d => d.Id)
                .Take(Batch)
                .ToListAsync(ct);
            foreach (var candidate in candidates)
            {
                switch (await TryTakeAsync(forumId, candidate.DelegationId, ct))
                {
                    case PlaceOutcome.Taken:
                        candidate.Promote(requiresApproval, now);
                        promoted++;
                        break;
                    case PlaceOutcome.DelegationFull:
                        passedOver.Add(candidate.Id);
                        break;
                    case PlaceOutcome.ForumFull:
                        await db.SaveChangesAsync(ct);
                        return promoted;
                }
            }
            await db.SaveChangesAsync(ct);
            if (candidates.Count < Batch)
                return promoted;
        }
    }

    private Task<int> ReleaseQuotaAsync(Guid delegationId, CancellationToken ct) =>
        db.Delegations.Where(d => d.Id == delegationId && d.PlacesTaken > 0)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.PlacesTaken, d => d.PlacesTaken - 1), ct);
}
