using System.Buffers;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.Json;
using Forums.Api.Http;
using Forums.Api.Http.Paging;
using Microsoft.Data.SqlClient;
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
        Sql = $"SELECT {LeanReader.List(columns)} FROM \"{table}\" WHERE {LeanReader.Equal(keys)}";
    }

    public string Table { get; }
    public string[] Columns { get; }
    public string[] Keys { get; }
    public string Sql { get; }
}

/// <summary>
/// The lean read path for the hottest reads (issue 8): rows are written straight to UTF-8 JSON by their
/// <see cref="RowShape"/>, with no DbContext, query pipeline or materialisation, which cost more than the rest of
/// the request together. Everything else goes through EF Core. Names are double-quoted and parameters are @p0, @p1...,
/// which read the same on SQLite and SQL Server.
/// </summary>
public abstract class LeanReader : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = ApiJson.Options.Encoder, SkipValidation = true };
    private static readonly JsonEncodedText Items = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText NextCursor = JsonEncodedText.Encode("nextCursor");

    private readonly ConcurrentDictionary<(RowShape Shape, string Sort, string Filters, bool After), string> pageSql = new();

    public static LeanReader ForSqlite(string connectionString) => new SqliteLeanReader(connectionString);

    public static LeanReader ForSqlServer(string connectionString) => new SqlServerLeanReader(connectionString);

    /// <summary>The row whose keys (in the order of its query's keys) are these, as JSON; null when there is none.</summary>
    public ValueTask<LeanRow?> ReadAsync(RowShape shape, object key, object? secondKey, CancellationToken cancellationToken) =>
        ReadAsync(shape.Query, key, secondKey, reader => Render(shape, reader), cancellationToken);

    /// <summary>The row whose keys (in <see cref="LeanQuery.Keys"/> order) are these, mapped; null when there is none.</summary>
    public ValueTask<T?> ReadAsync<T>(LeanQuery query, object key, object? secondKey, Func<DbDataReader, T> map,
        CancellationToken cancellationToken) where T : class =>
        ExecuteAsync(query.Sql, secondKey is null ? [key] : [key, secondKey], reader => reader.Read() ? map(reader) : null, cancellationToken);

    /// <summary>
    /// One keyset page as the JSON of a <see cref="Page{T}"/>: the rows whose columns equal the given values and whose
    /// sort key follows <paramref name="after"/>, in sort-key order, with the cursor of the next page.
    /// </summary>
    public ValueTask<byte[]> ReadPageAsync(RowShape shape, string sortColumn, IReadOnlyList<(string Column, object Value)> equal,
        string? after, int limit, CancellationToken cancellationToken)
    {
        var columns = shape.Query.Columns;
        // Built once per filter combination, not per request: the same string each time, so that a prepared
        // statement is found by reference.
        var sql = pageSql.GetOrAdd((shape, sortColumn, string.Join(',', equal.Select(e => e.Column)), after is not null), key =>
        {
            var (_, sort, filterColumns, hasAfter) = key;
            var filters = filterColumns.Split(',');
            var where = Equal(filters) + (hasAfter ? $" AND \"{sort}\" > @p{filters.Length}" : "");
            var limitParameter = $"@p{filters.Length + (hasAfter ? 1 : 0)}";
            return Page($"{List(columns)}, \"{sort}\"", $"\"{shape.Query.Table}\"", where, $"\"{sort}\"", limitParameter);
        });
        object[] values = [.. equal.Select(e => e.Value), .. after is null ? Array.Empty<object>() : [after], limit + 1];
        return ExecuteAsync(sql, values, reader => RenderPage(shape, reader, columns.Length, limit), cancellationToken);
    }

    /// <summary>Runs the SELECT with the values as @p0, @p1..., and reads its answer.</summary>
    protected abstract ValueTask<T> ExecuteAsync<T>(string sql, object[] values, Func<DbDataReader, T> read, CancellationToken cancellationToken);

    /// <summary>The engine's form of "the first n rows".</summary>
    protected abstract string Page(string columns, string table, string where, string orderBy, string limitParameter);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    internal static string List(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    internal static string Equal(string[] columns) => string.Join(" AND ", columns.Select((c, i) => $"\"{c}\" = @p{i}"));

    private static LeanRow Render(RowShape shape, DbDataReader reader)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            shape.Write(writer, reader);
        return new LeanRow(buffer.WrittenSpan.ToArray(), reader.GetInt64(0), shape.HasStatus ? reader.GetString(1) : null);
    }

    // Reads one row more than the page, to learn whether another page follows (as Cursor.ToPage does).
    private static byte[] RenderPage(RowShape shape, DbDataReader reader, int sortOrdinal, int limit)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray(Items);
            string? last = null;
            var count = 0;
            var more = false;
            while (reader.Read())
            {
                if (count == limit)
                {
                    more = true;
                    break;
                }
                shape.Write(writer, reader);
                last = reader.GetString(sortOrdinal);
                count++;
            }
            writer.WriteEndArray();
            if (more)
                writer.WriteString(NextCursor, Cursor.Encode(last!));
            else
                writer.WriteNull(NextCursor);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
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

    protected override string Page(string columns, string table, string where, string orderBy, string limitParameter) =>
        $"SELECT {columns} FROM {table} WHERE {where} ORDER BY {orderBy} LIMIT {limitParameter}";

    protected override ValueTask<T> ExecuteAsync<T>(string sql, object[] values, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        // The statement runs synchronously and briefly (one row, or one page); a request past its time limit does not start it.
        cancellationToken.ThrowIfCancellationRequested();
        var connection = idle.TryDequeue(out var taken) ? taken : new Connection(connectionString);
        try
        {
            var result = connection.Execute(sql, values, read);
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
        // By reference: every statement text is one string made once (a query's or a page's), and hashing a
        // 700-character text on every read would cost more than finding it.
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
                command.Parameters[i].Value = values[i] is Guid guid ? Text(guid) : values[i];
            using var reader = command.ExecuteReader();
            return read(reader);
        }

        // EF Core stores a Guid as upper-case text on SQLite.
        private static string Text(Guid guid) => guid.ToString("D").ToUpperInvariant();

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
    protected override string Page(string columns, string table, string where, string orderBy, string limitParameter) =>
        $"SELECT TOP ({limitParameter}) {columns} FROM {table} WHERE {where} ORDER BY {orderBy}";

    protected override async ValueTask<T> ExecuteAsync<T>(string sql, object[] values, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = new SqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new SqlCommand(sql, connection);
        for (var i = 0; i < values.Length; i++)
            command.Parameters.AddWithValue($"@p{i}", values[i]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return read(reader);
    }
}
