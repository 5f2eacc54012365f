using System.Buffers;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.Json;
using Forums.Api.Http;
using Microsoft.Data.Sqlite;

namespace Forums.Api.Persistence.LeanReads;

/// <summary>One row as the JSON of its response, with what the endpoint decides on before sending it.</summary>
public sealed record LeanRow(byte[] Json, long Version, string? Status);

/// <summary>A SELECT of some columns of one row, found by key columns (each compared with =).</summary>
public sealed class LeanQuery
{
    public LeanQuery(string table, string[] columns, string[] keys)
    {
        Table = table;
        Columns = columns;
        Keys = keys;
        // Double-quoted names and @-parameters read the same on SQLite and SQL Server.
        Sql = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\" WHERE " +
              string.Join(" AND ", keys.Select((k, i) => $"\"{k}\" = @k{i}"));
    }

    public string Table { get; }
    public string[] Columns { get; }
    public string[] Keys { get; }
    public string Sql { get; }
}

/// <summary>
/// The lean read path for the hottest single-row reads (issue 8): the row is written straight to UTF-8 JSON by its
/// <see cref="RowShape"/>, with no DbContext, query pipeline or materialisation, which cost more than the rest of
/// the request together. Everything else goes through EF Core.
/// </summary>
public abstract class LeanReader : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApiJson.Options.Encoder, SkipValidation = true };

    /// <summary>The row whose keys (in the order of its query's keys) are these, as JSON; null when there is none.</summary>
    public ValueTask<LeanRow?> ReadAsync(RowShape shape, object key, object? secondKey, CancellationToken cancellationToken) =>
        ReadAsync(shape.Query, key, secondKey, reader => Render(shape, reader), cancellationToken);

    /// <summary>The row whose keys (in <see cref="LeanQuery.Keys"/> order) are these, mapped; null when there is none.</summary>
    public abstract ValueTask<T?> ReadAsync<T>(LeanQuery query, object key, object? secondKey, Func<DbDataReader, T> map,
        CancellationToken cancellationToken) where T : class;

    public virtual void Dispose() => GC.SuppressFinalize(this);

    protected static LeanRow Render(RowShape shape, DbDataReader reader)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            shape.Write(writer, reader);
        return new LeanRow(buffer.WrittenSpan.ToArray(), reader.GetInt64(0), shape.HasStatus ? reader.GetString(1) : null);
    }

    public static LeanReader ForSqlite(string connectionString) => new SqliteLeanReader(connectionString);

    public static LeanReader ForProvider(DbProviderFactory provider, string connectionString) => new PooledLeanReader(provider, connectionString);
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

    public override ValueTask<T?> ReadAsync<T>(LeanQuery query, object key, object? secondKey, Func<DbDataReader, T> map,
        CancellationToken cancellationToken) where T : class
    {
        var connection = idle.TryDequeue(out var taken) ? taken : new Connection(connectionString);
        try
        {
            var row = connection.Read(query, key, secondKey, map);
            if (idle.Count < maxIdle)
                idle.Enqueue(connection);
            else
                connection.Dispose();
            return ValueTask.FromResult<T?>(row);
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
        private readonly Dictionary<LeanQuery, SqliteCommand> commands = [];

        public T? Read<T>(LeanQuery query, object key, object? secondKey, Func<DbDataReader, T> map) where T : class
        {
            if (connection.State != ConnectionState.Open)
                connection.Open();
            if (!commands.TryGetValue(query, out var command))
            {
                command = connection.CreateCommand();
                command.CommandText = query.Sql;
                for (var i = 0; i < query.Keys.Length; i++)
                    command.Parameters.Add(new SqliteParameter($"@k{i}", SqliteType.Text));
                command.Prepare();
                commands[query] = command;
            }
            command.Parameters[0].Value = Text(key);
            if (query.Keys.Length > 1)
                command.Parameters[1].Value = Text(secondKey!);
            using var reader = command.ExecuteReader(CommandBehavior.SingleRow);
            return reader.Read() ? map(reader) : null;
        }

        // EF Core stores a Guid as upper-case text on SQLite.
        private static object Text(object key) => key is Guid guid ? guid.ToString("D").ToUpperInvariant() : key;

        public void Dispose()
        {
            foreach (var command in commands.Values)
                command.Dispose();
            connection.Dispose();
        }
    }
}

/// <summary>Any other engine (SQL Server): its provider pools the connections and the server caches the plans.</summary>
internal sealed class PooledLeanReader(DbProviderFactory provider, string connectionString) : LeanReader
{
    public override async ValueTask<T?> ReadAsync<T>(LeanQuery query, object key, object? secondKey, Func<DbDataReader, T> map,
        CancellationToken cancellationToken) where T : class
    {
        await using var connection = provider.CreateConnection()!;
        connection.ConnectionString = connectionString;
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        AddKey(command, "@k0", key);
        if (secondKey is not null)
            AddKey(command, "@k1", secondKey);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? map(reader) : null;
    }

    private static void AddKey(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
