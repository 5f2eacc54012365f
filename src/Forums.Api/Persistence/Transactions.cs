using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

public static class Transactions
{
    /// <summary>
    /// Runs the work in one transaction that commits only if the work returns; anything it throws rolls back
    /// every write, so nothing half-written stays. Under SQL Server's retrying strategy the whole unit is retried.
    /// On SQLite the transaction waits its turn at the <see cref="SqliteWriteGate"/>, then begins IMMEDIATE
    /// (Microsoft.Data.Sqlite's default), taking the write lock first.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this ForumsDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        RunAsync(db, work, _ => true, ct);

    /// <summary>
    /// Runs the work in one transaction; it commits when the work returns null, and rolls back when the work
    /// returns the problem to answer instead (or throws).
    /// </summary>
    public static Task<IResult?> TryInTransactionAsync(this ForumsDbContext db, Func<CancellationToken, Task<IResult?>> work, CancellationToken ct) =>
        RunAsync(db, work, problem => problem is null, ct);

    /// <summary>
    /// Runs the work in one transaction and always rolls it back: a rehearsal that meets the same rules, statements and
    /// locks as the real change and leaves nothing behind.
    /// </summary>
    public static Task<T> RehearseInTransactionAsync<T>(this ForumsDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        RunAsync(db, work, _ => false, ct);

    private static Task<T> RunAsync<T>(ForumsDbContext db, Func<CancellationToken, Task<T>> work, Func<T, bool> commits, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async cancellation =>
        {
            db.ChangeTracker.Clear();
            using var gate = await SqliteWriteGate.EnterAsync(db.Database, cancellation);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellation);
            var result = await work(cancellation);
            if (commits(result))
                await transaction.CommitAsync(cancellation);
            else
            {
                await transaction.RollbackAsync(cancellation);
                db.ChangeTracker.Clear();
            }
            return result;
        }, ct);
}
