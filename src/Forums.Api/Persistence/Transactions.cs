using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

/// <summary>What a unit of work came to, as far as its transaction cares: whether its writes are kept.</summary>
public interface IWorkOutcome
{
    bool Keeps { get; }
}

public static class Transactions
{
    private static readonly AsyncLocal<bool> Writing = new();

    /// <summary>
    /// Whether this flow of work runs inside a write transaction: the lean read path refuses to read there, on its own
    /// connection (<see cref="LeanReads.LeanReader"/>).
    /// </summary>
    public static bool InWriteTransaction => Writing.Value;

    /// <summary>
    /// Runs the work in one transaction that commits only when its outcome keeps its writes; an outcome that does not
    /// (a refusal, a rehearsal) and anything the work throws roll every write back, so nothing half-written stays.
    /// Under SQL Server's retrying strategy the whole unit is retried. On SQLite the transaction waits its turn at the
    /// <see cref="SqliteWriteGate"/>, then begins IMMEDIATE (Microsoft.Data.Sqlite's default), taking the write lock first.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this ForumsDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
        where T : IWorkOutcome =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellation =>
        {
            db.ChangeTracker.Clear();
            using var gate = await SqliteWriteGate.EnterAsync(db.Database, cancellation);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            Writing.Value = true;
            try
            {
                var outcome = await work(cancellation);
                if (outcome.Keeps)
                    await transaction.CommitAsync(cancellation);
                else
                {
                    await transaction.RollbackAsync(cancellation);
                    db.ChangeTracker.Clear();
                }
                return outcome;
            }
            finally
            {
                Writing.Value = false;
            }
        }, ct);
}
