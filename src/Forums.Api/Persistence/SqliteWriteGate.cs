using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Forums.Api.Persistence;

/// <summary>
/// SQLite lets one writer at a time hold a database file; the others poll for it, and Microsoft.Data.Sqlite sleeps
/// 150 ms between polls, so under many concurrent writes most of a request's time is spent asleep. Inside one process
/// writers queue here instead, first come first served, with no thread blocked and no poll; a writer in another
/// process still meets SQLite's own lock and its busy timeout. Waiting longer than that timeout answers 503, as a
/// busy database does. On SQL Server there is no gate: it locks rows, and several instances share it.
/// Nothing writes past it: <see cref="SqliteWriteGateInterceptor"/> makes every write command of a context that does
/// not hold the gate wait its turn, and refuses a transaction begun without it.
/// </summary>
public static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, Gate> Gates = new();

    /// <summary>
    /// The gate of the context's database file, entered for that context; disposing the lease leaves it. Null on SQL
    /// Server, and when the context already holds the gate (its writes do not wait for themselves).
    /// </summary>
    public static async ValueTask<IDisposable?> EnterAsync(DatabaseFacade database, CancellationToken ct)
    {
        if (For(database) is not { } gate || ContextOf(database) is var context && gate.IsHeldBy(context))
            return null;
        if (!await gate.Semaphore.WaitAsync(gate.Timeout, ct))
            throw Busy(gate);
        return gate.HeldBy(context);
    }

    /// <summary>The same, for the synchronous SaveChanges and commands.</summary>
    public static IDisposable? Enter(DatabaseFacade database)
    {
        if (For(database) is not { } gate || ContextOf(database) is var context && gate.IsHeldBy(context))
            return null;
        if (!gate.Semaphore.Wait(gate.Timeout))
            throw Busy(gate);
        return gate.HeldBy(context);
    }

    /// <summary>Whether this context may write now: it holds the gate, or its engine has none.</summary>
    public static bool MayWrite(DatabaseFacade database) => For(database) is not { } gate || gate.IsHeldBy(ContextOf(database));

    private static DbContext ContextOf(DatabaseFacade database) => database.GetService<ICurrentDbContext>().Context;

    private static TimeoutException Busy(Gate gate) => new($"The database stayed busy for {gate.Timeout.TotalSeconds:N0} s.");

    private static Gate? For(DatabaseFacade database) =>
        database.IsSqlite() && database.GetConnectionString() is { } connectionString
            ? Gates.GetOrAdd(connectionString, cs => new Gate(TimeSpan.FromSeconds(new SqliteConnectionStringBuilder(cs).DefaultTimeout)))
            : null;

    private sealed class Gate(TimeSpan timeout) : IDisposable
    {
        private volatile DbContext? holder;

        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public TimeSpan Timeout { get; } = timeout;

        public bool IsHeldBy(DbContext context) => ReferenceEquals(holder, context);

        public Gate HeldBy(DbContext context)
        {
            holder = context;
            return this;
        }

        public void Dispose()
        {
            holder = null;
            Semaphore.Release();
        }
    }
}
