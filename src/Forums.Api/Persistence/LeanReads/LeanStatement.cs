namespace Forums.Api.Persistence.LeanReads;

/// <summary>
/// One SELECT of the lean read path: the columns it reads (in reader order) from one table, the columns it compares
/// with @p0, @p1... (in that order), and its text on each engine. Names are double-quoted, which both engines read.
/// Each text is one string made once: a prepared statement is found by reference.
/// </summary>
public sealed class LeanStatement
{
    private LeanStatement(string table, string[] columns, string[] compared, string sqlite, string sqlServer)
    {
        Table = table;
        Columns = columns;
        Compared = compared;
        Sqlite = sqlite;
        SqlServer = sqlServer;
    }

    public string Table { get; }
    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<string> Compared { get; }
    public string Sqlite { get; }
    public string SqlServer { get; }

    /// <summary>The rows whose keys equal @p0, @p1...</summary>
    internal static LeanStatement Where(string table, string[] columns, params string[] keys)
    {
        var sql = $"SELECT {List(columns)} FROM \"{table}\" WHERE {Equal(keys)}";
        return new LeanStatement(table, columns, keys, sql, sql);
    }

    /// <summary>
    /// A keyset page: the rows whose keys equal @p0, @p1... and, when <paramref name="after"/>, whose sort key follows
    /// the next parameter; in sort-key order; as many as the last parameter says.
    /// </summary>
    internal static LeanStatement Page(string table, string[] columns, string[] keys, string sortKey, bool after)
    {
        var where = Equal(keys) + (after ? $" AND \"{sortKey}\" > @p{keys.Length}" : "");
        var take = $"@p{keys.Length + (after ? 1 : 0)}";
        return new LeanStatement(table, columns, [.. keys, sortKey],
            $"SELECT {List(columns)} FROM \"{table}\" WHERE {where} ORDER BY \"{sortKey}\" LIMIT {take}",
            $"SELECT TOP ({take}) {List(columns)} FROM \"{table}\" WHERE {where} ORDER BY \"{sortKey}\"");
    }

    /// <summary>
    /// The columns named by a class of ordinal constants (each named as its column, valued as its place in the reader), in
    /// reader order: a row's reads and its statement cannot disagree on where a column is.
    /// </summary>
    internal static string[] ColumnsOf(Type ordinals)
    {
        var constants = ordinals.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .OrderBy(f => (int)f.GetRawConstantValue()!)
            .ToArray();
        for (var i = 0; i < constants.Length; i++)
            if ((int)constants[i].GetRawConstantValue()! != i)
                throw new InvalidOperationException($"{ordinals.FullName}: the ordinals must run 0, 1, 2... without a gap or a repeat; {constants[i].Name} is {constants[i].GetRawConstantValue()}, not {i}.");
        return constants.Select(f => f.Name).ToArray();
    }

    private static string List(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    private static string Equal(string[] columns) => string.Join(" AND ", columns.Select((c, i) => $"\"{c}\" = @p{i}"));
}

/// <summary>Every statement the lean read path can send.</summary>
public static class LeanStatements
{
    public static IReadOnlyList<LeanStatement> All { get; } =
        [ForumRows.ById, ForumRows.ScopeById, DelegateRows.ByIdInForum, DelegateRows.IdByEmail, .. DelegateRows.Pages, TokenRows.ByHash];

    /// <summary>Every text the lean path can send to SQL Server, each page filter combination included.</summary>
    public static IReadOnlyList<string> ForSqlServer() => All.Select(s => s.SqlServer).Distinct().ToList();

    public static IReadOnlyList<string> ForSqlite() => All.Select(s => s.Sqlite).Distinct().ToList();
}
