using System.Data.Common;
using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Forums.Api.Persistence;

public enum PlaceOutcome
{
    Taken,
    DelegationFull,
    ForumFull,
}

/// <summary>
/// Where places are taken and given back, and the one lock under which every rule about places is checked. Each step
/// is one conditional UPDATE of a counter ("... SET PlacesTaken = PlacesTaken + 1 WHERE Id = @id AND PlacesTaken &lt;
/// Capacity"), which the database runs atomically under the row's lock, held to the end of the transaction: two
/// instances registering at once are serialised by the engine, and the second one sees the first one's place.
/// A change that constrains places (a quota, a capacity, a delegate's delegation or status) first takes the same
/// row locks with <see cref="LockAsync"/> and reads the counters after it. Locks are always taken delegations first
/// (sorted by id), then the forum, so that no two transactions wait for each other. Every method runs only inside a
/// transaction (<see cref="Transactions"/>): on SQLite its IMMEDIATE begin already holds the file's lock, on SQL Server
/// the UPDATEs hold the rows' locks until it commits.
/// </summary>
public sealed class PlaceLedger(ForumsDbContext db) : IDisposable
{
    // Plain statements on commands kept for the transaction rather than EF's raw SQL or ExecuteUpdate: they run inside
    // the write lock of every registration and for every row of an import, where EF's translation per call cost as
    // much as the statement. The same text on both engines.
    private readonly Statement takeQuota = new(
        """UPDATE "Delegations" SET "PlacesTaken" = "PlacesTaken" + 1 WHERE "Id" = @id AND ("Quota" IS NULL OR "PlacesTaken" < "Quota")""");
    private readonly Statement takePlace = new(
        """UPDATE "Forums" SET "PlacesTaken" = "PlacesTaken" + 1 WHERE "Id" = @id AND ("Capacity" IS NULL OR "PlacesTaken" < "Capacity")""");
    private readonly Statement releaseQuota = new(
        """UPDATE "Delegations" SET "PlacesTaken" = "PlacesTaken" - 1 WHERE "Id" = @id AND "PlacesTaken" > 0""");
    private readonly Statement releasePlace = new(
        """UPDATE "Forums" SET "PlacesTaken" = "PlacesTaken" - 1 WHERE "Id" = @id AND "PlacesTaken" > 0""");
    // No-op writes that take the row's write lock and leave Version alone: the lock is not a change of the resource.
    private readonly Statement lockDelegation = new("""UPDATE "Delegations" SET "PlacesTaken" = "PlacesTaken" WHERE "Id" = @id""");
    private readonly Statement lockForum = new("""UPDATE "Forums" SET "PlacesTaken" = "PlacesTaken" WHERE "Id" = @id""");

    /// <summary>
    /// Takes the write locks of these delegations' counters and then the forum's, in the ledger's order, for the rest of
    /// the transaction. Read the counters (or the rows holding them) after this, never before: what was read before may
    /// already be stale.
    /// </summary>
    public async Task LockAsync(Guid forumId, IEnumerable<Guid?> delegationIds, CancellationToken ct)
    {
        foreach (var id in delegationIds.OfType<Guid>().Distinct().Order())
            await lockDelegation.ExecuteAsync(db.Database, id, ct);
        await lockForum.ExecuteAsync(db.Database, forumId, ct);
    }

    /// <summary>
    /// <see cref="LockAsync"/> for a change that frees places or adds room: with these delegations it locks every
    /// delegation that has waitlisted delegates, whom <see cref="PromoteWaitlistedAsync"/> places in the same transaction.
    /// </summary>
    public async Task LockForPromotionAsync(Guid forumId, IEnumerable<Guid?> delegationIds, CancellationToken ct)
    {
        var waiting = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.Status == RegistrationStatus.Waitlisted && d.DelegationId != null)
            .Select(d => d.DelegationId).Distinct().ToListAsync(ct);
        await LockAsync(forumId, delegationIds.Concat(waiting), ct);
    }

    /// <summary>A place for one delegate: in the delegation's quota (if any) and the forum's capacity, or the reason there is none.</summary>
    public async Task<PlaceOutcome> TryTakeAsync(Guid forumId, Guid? delegationId, CancellationToken ct)
    {
        if (delegationId is { } delegation && await takeQuota.ExecuteAsync(db.Database, delegation, ct) == 0)
            return PlaceOutcome.DelegationFull;
        if (await takePlace.ExecuteAsync(db.Database, forumId, ct) == 1)
            return PlaceOutcome.Taken;
        if (delegationId is { } given)
            await releaseQuota.ExecuteAsync(db.Database, given, ct);
        return PlaceOutcome.ForumFull;
    }

    public async Task ReleaseAsync(Guid forumId, Guid? delegationId, CancellationToken ct)
    {
        if (delegationId is { } delegation)
            await releaseQuota.ExecuteAsync(db.Database, delegation, ct);
        await releasePlace.ExecuteAsync(db.Database, forumId, ct);
    }

    /// <summary>
    /// Moves a held place from one delegation's quota to another's; false when the new delegation is full. The caller
    /// holds both delegations' locks (<see cref="LockAsync"/>), so that two opposite moves do not wait for each other.
    /// </summary>
    public async Task<bool> MoveQuotaAsync(Guid? from, Guid? to, CancellationToken ct)
    {
        if (from == to)
            return true;
        if (to is { } target && await takeQuota.ExecuteAsync(db.Database, target, ct) == 0)
            return false;
        if (from is { } source)
            await releaseQuota.ExecuteAsync(db.Database, source, ct);
        return true;
    }

    /// <summary>
    /// Gives free places to the longest-waiting delegates, in the order they joined the waitlist (then by id); one whose
    /// delegation is full is passed over for the next. Stops when the forum is full. Returns how many moved up, with
    /// their new status saved. The caller took <see cref="LockForPromotionAsync"/> in this transaction, before the change
    /// that freed the places.
    /// </summary>
    public async Task<int> PromoteWaitlistedAsync(Guid forumId, bool requiresApproval, DateTime now, CancellationToken ct)
    {
        const int Batch = 50;
        var promoted = 0;
        while (true)
        {
            // Each batch is read after the last one's promotions are saved: those promoted are no longer waitlisted,
            // and a delegation a promotion filled no longer has room, so the query never offers the same delegate twice.
            var candidates = await NextWaitlisted(db, forumId, Batch).ToListAsync(ct);
            foreach (var candidate in candidates)
            {
                var outcome = await TryTakeAsync(forumId, candidate.DelegationId, ct);
                if (outcome == PlaceOutcome.ForumFull)
                {
                    await db.SaveChangesAsync(ct);
                    return promoted;
                }
                if (outcome == PlaceOutcome.Taken)
                {
                    candidate.Promote(requiresApproval, now);
                    promoted++;
                }
            }
            await db.SaveChangesAsync(ct);
            if (candidates.Count < Batch)
                return promoted;
        }
    }

    /// <summary>
    /// The longest-waiting delegates whose delegation (if any) has room: the cost follows the places freed, not the
    /// length of the waitlist. The condition of room is <see cref="takeQuota"/>'s.
    /// </summary>
    internal static IQueryable<ForumDelegate> NextWaitlisted(ForumsDbContext db, Guid forumId, int count) =>
        db.Delegates
            .Where(d => d.ForumId == forumId && d.Status == RegistrationStatus.Waitlisted
                        && (d.DelegationId == null
                            || db.Delegations.Any(g => g.Id == d.DelegationId && (g.Quota == null || g.PlacesTaken < g.Quota))))
            .OrderBy(d => d.WaitlistedAt).ThenBy(d => d.Id)
            .Take(count);

    public void Dispose()
    {
        foreach (var statement in (Statement[])[takeQuota, takePlace, releaseQuota, releasePlace, lockDelegation, lockForum])
            statement.Dispose();
    }

    /// <summary>
    /// One statement with one id parameter, on a command kept for the current transaction: a command run again keeps its
    /// prepared statement (an import runs the same two for each of thousands of rows).
    /// </summary>
    private sealed class Statement(string sql) : IDisposable
    {
        private DbCommand? command;

        public Task<int> ExecuteAsync(DatabaseFacade database, Guid id, CancellationToken ct)
        {
            var transaction = database.CurrentTransaction?.GetDbTransaction()
                              ?? throw new InvalidOperationException("The place ledger counts places only inside a transaction.");
            if (command is null || command.Transaction != transaction)
            {
                command?.Dispose();
                command = transaction.Connection!.CreateCommand();
                command.CommandText = sql;
                command.Transaction = transaction;
                if (database.GetCommandTimeout() is { } timeout)
                    command.CommandTimeout = timeout;
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@id";
                command.Parameters.Add(parameter);
            }
            // EF Core stores a Guid as upper-case text on SQLite (as the lean reader binds it).
            command.Parameters[0].Value = database.IsSqlite() ? id.ToString().ToUpperInvariant() : id;
            return command.ExecuteNonQueryAsync(ct);
        }

        public void Dispose()
        {
            command?.Dispose();
            command = null;
        }
    }
}
