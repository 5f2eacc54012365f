using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Forums.Api.Persistence;

/// <summary>
/// Puts every write EF sends to SQLite behind the <see cref="SqliteWriteGate"/>. A write command (SaveChanges,
/// ExecuteUpdate, ExecuteDelete, raw SQL, migrations) of a context that does not hold the gate enters it for that
/// one command and leaves it when the command ends; a context that holds it (inside <see cref="Transactions"/> or a
/// SaveChanges) goes on. A transaction begun without the gate is refused: its IMMEDIATE begin would take SQLite's
/// write lock behind the gate's back. The plain ADO commands of the <see cref="PlaceLedger"/>, which EF does not see,
/// run only inside a transaction, so only behind the gate.
/// </summary>
public sealed class SqliteWriteGateInterceptor : DbCommandInterceptor, IDbTransactionInterceptor
{
    public static readonly SqliteWriteGateInterceptor Instance = new();

    private readonly ConditionalWeakTable<DbCommand, IDisposable> leases = new();

    private SqliteWriteGateInterceptor()
    {
    }

    // Queries read; everything else EF sends writes, or may (a raw statement, a migration's DDL).
    private static bool Writes(CommandEventData e) => e.Context is not null && e.CommandSource is not (CommandSource.LinqQuery or CommandSource.FromSqlQuery);

    private T Entered<T>(DbCommand command, CommandEventData e, T result)
    {
        if (Writes(e) && SqliteWriteGate.Enter(e.Context!.Database) is { } lease)
            leases.Add(command, lease);
        return result;
    }

    private async ValueTask<T> EnteredAsync<T>(DbCommand command, CommandEventData e, T result, CancellationToken ct)
    {
        if (Writes(e) && await SqliteWriteGate.EnterAsync(e.Context!.Database, ct) is { } lease)
            leases.Add(command, lease);
        return result;
    }

    private void Leave(DbCommand command)
    {
        if (leases.TryGetValue(command, out var lease) && leases.Remove(command))
            lease.Dispose();
    }

    private T Left<T>(DbCommand command, T result)
    {
        Leave(command);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Entered(command, eventData, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default) => EnteredAsync(command, eventData, result, cancellationToken);

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Entered(command, eventData, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default) => EnteredAsync(command, eventData, result, cancellationToken);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Entered(command, eventData, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => EnteredAsync(command, eventData, result, cancellationToken);

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Left(command, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Left(command, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Left(command, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
        CancellationToken cancellationToken = default) => ValueTask.FromResult(Left(command, result));

    // A reader's statement holds the write lock until the reader is done with (INSERT ... RETURNING).
    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result) =>
        Left(command, result);

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default) =>
        Left(command, Task.CompletedTask);

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Leave(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default) =>
        Left(command, Task.CompletedTask);

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        RefuseOutsideTheGate(eventData);
        return result;
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        RefuseOutsideTheGate(eventData);
        return ValueTask.FromResult(result);
    }

    private static void RefuseOutsideTheGate(TransactionStartingEventData e)
    {
        if (e.Context is { } context && !SqliteWriteGate.MayWrite(context.Database))
            throw new InvalidOperationException(
                "A transaction on SQLite begins only at the write gate: use Transactions (InTransactionAsync and its kin), or enter SqliteWriteGate first.");
    }
}
