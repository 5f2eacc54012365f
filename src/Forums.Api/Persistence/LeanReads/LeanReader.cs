using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Forums.Api.Persistence.LeanReads;

/// <summary>
/// The lean read path for the hottest reads (issue 8): a few statements (<see cref="LeanStatements"/>) read into rows,
/// with no DbContext, query pipeline or change tracker, which cost more than the rest of the request together.
/// Everything else goes through EF Core. It reads on a connection of its own, so never inside a write transaction:
/// there it would not see that transaction's writes (SQLite) or would wait for its locks (SQL Server).
/// </summary>
public abstract class LeanReader : IDisposable
{
    public static LeanReader ForSqlite(string connectionString) => new SqliteLeanReader(connectionString);

    public static LeanReader ForSqlServer(string connectionString) => new SqlServerLeanReader(connectionString);

    /// <summary>The first row of the statement with these values as @p0, @p1..., mapped; the default when there is none.</summary>
    internal ValueTask<T?> ReadAsync<T>(LeanStatement statement, object[] values, Func<DbDataReader, T> map, CancellationToken ct) =>
        RunAsync(statement, values, reader => reader.Read() ? map(reader) : default, ct);

    /// <summary>The statement's rows as <paramref name="read"/> goes through them (it moves the reader itself).</summary>
    internal ValueTask<T> ReadRowsAsync<T>(LeanStatement statement, object[] values, Func<DbDataReader, T> read, CancellationToken ct) =>
        RunAsync(statement, values, read, ct);

    private ValueTask<T> RunAsync<T>(LeanStatement statement, object[] values, Func<DbDataReader, T> read, CancellationToken ct) =>
        Transactions.InWriteTransaction
            ? throw new InvalidOperationException(
                "The lean read path runs on a connection of its own and may not be used inside a write transaction: " +
                "read through the transaction's DbContext instead.")
            : ExecuteAsync(statement, values, read, ct);

    /// <summary>Runs the statement's text for this engine with the values as @p0, @p1..., and reads its answer.</summary>
    protected abstract ValueTask<T> ExecuteAsync<T>(LeanStatement statement, object[] values, Func<DbDataReader, T> read, CancellationToken ct);

    public virtual void Dispose() => GC.SuppressFinalize(this);
}

/// <summary>
/// SQLite parses a statement on every prepare, and Microsoft.Data.Sqlite prepares on every new command: more than half
/// of a one-row read. So this reader keeps its own few open connections, each with its statements prepared once.
/// In WAL mode an idle connection holds no lock, and each read sees the last committed write.
/// </summary>
internal sealed class SqliteLeanReader : LeanReader
{
    private readonly string connectionString;
    private readonly ConcurrentQueue<Connection> idle = new();
    private readonly int maxIdle = Math.Max(4, Environment.ProcessorCount * 4);

    public SqliteLeanReader(string connectionString) =>
        // Its own pool; and reads need no foreign-key enforcement (setting it costs a statement on each open).
        this.connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false, ForeignKeys = null }.ToString();

    protected override ValueTask<T> ExecuteAsync<T>(LeanStatement statement, object[] values, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        // The statement runs synchronously and briefly (one row, or one page); a request past its time limit does not start it.
        cancellationToken.ThrowIfCancellationRequested();
        var connection = idle.TryDequeue(out var taken) ? taken : new Connection(connectionString);
        try
        {
            var result = connection.Execute(statement.Sqlite, values, read);
            if (idle.Count < maxIdle)
                idle.Enqueue(connection);
            else
                connection.Dispose();
            return ValueTask.FromResult(result);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public override void Dispose()
    {
        while (idle.TryDequeue(out var connection))
            connection.Dispose();
        base.Dispose();
    }

    private sealed class Connection(string connectionString) : IDisposable
    {
        private readonly SqliteConnection connection = new(connectionString);
        // By reference: every statement text is one string made once, and hashing a 700-character text on every read
        // would cost more than finding it.
        private readonly Dictionary<string, SqliteCommand> commands = new(ReferenceEqualityComparer.Instance);

        public T Execute<T>(string sql, object[] values, Func<DbDataReader, T> read)
        {
            if (connection.State != ConnectionState.Open)
                connection.Open();
            if (!commands.TryGetValue(sql, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = sql;
                for (var i = 0; i < values.Length; i++)
                    command.Parameters.Add(new SqliteParameter { ParameterName = $"@p{i}" });
                command.Prepare();
                commands[sql] = command;
            }
            for (var i = 0; i < values.Length; i++)
                command.Parameters[i].Value = StoredValues.ForSqlite(values[i]);
            using var reader = command.ExecuteReader();
            return read(reader);
        }

        public void Dispose()
        {
            foreach (var command in commands.Values)
                command.Dispose();
            connection.Dispose();
        }
    }
}

/// <summary>SQL Server: SqlClient pools the connections and the server caches the plans.</summary>
internal sealed class SqlServerLeanReader(string connectionString) : LeanReader
{
    protected override async ValueTask<T> ExecuteAsync<T>(LeanStatement statement, object[] values, Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new SqlCommand(statement.SqlServer, connection);
        for (var i = 0; i < values.Length; i++)
            command.Parameters.AddWithValue($"@p{i}", StoredValues.ForSqlServer(values[i]));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return read(reader);
    }
}
