using System.Text.RegularExpressions;
using Forums.Api.Baseline;
using Forums.Api.Benchmarks;
using Forums.Api.Features.Delegates;
using Forums.Api.Features.Forums;
using Forums.Api.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Persistence;

/// <summary>
/// The baseline and the import benchmark write their SQL by hand (BaselineSql, ImportSql, compiled into this project as
/// linked files); these tests hold that SQL to the database the app's own SQLite migrations create.
/// </summary>
public sealed partial class BenchmarkSchemaTests : IDisposable
{
    private static readonly Dictionary<string, string> Statements = new()
    {
        ["baseline forum by id"] = BaselineSql.ForumById,
        ["baseline delegate by id"] = BaselineSql.DelegateById,
        ["baseline delegate page"] = BaselineSql.DelegatePage(byStatus: false, after: false),
        ["baseline delegate page by status"] = BaselineSql.DelegatePage(byStatus: true, after: false),
        ["baseline delegate page after a cursor"] = BaselineSql.DelegatePage(byStatus: false, after: true),
        ["baseline delegate page by status after a cursor"] = BaselineSql.DelegatePage(byStatus: true, after: true),
        ["baseline delegate insert"] = BaselineSql.InsertDelegate,
        ["import benchmark delegate insert"] = ImportSql.InsertDelegate,
    };

    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly SqliteForumsDbContext db;

    public BenchmarkSchemaTests()
    {
        connection.Open();
        db = new SqliteForumsDbContext(new DbContextOptionsBuilder<SqliteForumsDbContext>().UseSqlite(connection).Options);
        db.Database.Migrate();
    }

    public void Dispose()
    {
        db.Dispose();
        connection.Dispose();
    }

    public static TheoryData<string> AllStatements() => [.. Statements.Keys];

    public static TheoryData<string> Inserts() => [.. Statements.Keys.Where(k => Insert(Statements[k]) is not null)];

    [Theory]
    [MemberData(nameof(AllStatements))]
    public void Each_benchmark_statement_prepares_on_the_migrated_schema(string statement)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Statements[statement];

        // SQLite compiles the statement here: an unknown table or column throws "no such column".
        command.Prepare();
    }

    [Theory]
    [MemberData(nameof(Inserts))]
    public void Each_benchmark_insert_names_every_required_column_of_its_table(string statement)
    {
        var missing = MissingRequiredColumns(Statements[statement]);

        Assert.True(missing.Count == 0,
            $"The {statement} leaves out {string.Join(", ", missing)}, required and without a default: give it a value in the benchmark's SQL.");
    }

    [Fact]
    public void A_required_column_added_to_delegates_is_missing_from_both_inserts()
    {
        // A throwaway schema change, without a migration: SQLite's ALTER TABLE cannot add a NOT NULL column without
        // a default, so the (empty) table is created again with one more column.
        var create = (string)Scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'Delegates'")!;
        Execute("PRAGMA foreign_keys = OFF");
        Execute("DROP TABLE Delegates");
        Execute(create.Replace("CREATE TABLE \"Delegates\" (", "CREATE TABLE \"Delegates\" (\"BadgeName\" TEXT NOT NULL, ", StringComparison.Ordinal));

        Assert.Equal(["BadgeName"], MissingRequiredColumns(BaselineSql.InsertDelegate));
        Assert.Equal(["BadgeName"], MissingRequiredColumns(ImportSql.InsertDelegate));
    }

    [Fact]
    public void The_baseline_selects_every_column_the_api_responses_read()
    {
        var forum = ColumnsRead(db.Forums.Select(ForumResponse.Projection).ToQueryString());
        var delegate_ = ColumnsRead(db.Delegates.Select(DelegateResponse.Projection).ToQueryString());

        Assert.Contains("Slug", forum);
        Assert.Contains("AccreditationCode", delegate_);
        Assert.Empty(forum.Except(List(BaselineSql.ForumColumns)));
        Assert.Empty(delegate_.Except(List(BaselineSql.DelegateColumns)));
    }

    [Fact]
    public void The_baseline_reads_the_version_and_sort_key_where_its_column_lists_put_them()
    {
        Assert.Equal("Version", List(BaselineSql.ForumColumns)[BaselineSql.ForumVersion]);
        Assert.Equal("Version", List(BaselineSql.DelegateColumns)[BaselineSql.DelegateVersion]);
        Assert.Equal("SortKey", List(BaselineSql.DelegateColumns)[BaselineSql.DelegateSortKey]);
    }

    /// <summary>
    /// The columns of the insert's table that must be given a value: NOT NULL without a default in the database, or in
    /// the model (EF's SQLite migrations add a required column with a default of '' or 0, which the model does not have).
    /// </summary>
    private List<string> MissingRequiredColumns(string insertSql)
    {
        var (table, named) = Insert(insertSql) ?? throw new ArgumentException("Not an INSERT INTO table (columns).", nameof(insertSql));
        var required = new List<string>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE \"notnull\" = 1 AND dflt_value IS NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read())
                required.Add(reader.GetString(0));
        }
        Assert.NotEmpty(required);
        var modelTable = db.Model.GetRelationalModel().FindTable(table, null);
        if (modelTable is not null)
            required.AddRange(modelTable.Columns.Where(c => c is { IsNullable: false, DefaultValue: null, DefaultValueSql: null }).Select(c => c.Name));
        return required.Distinct().Except(named, StringComparer.OrdinalIgnoreCase).Order().ToList();
    }

    private static (string Table, string[] Columns)? Insert(string sql) =>
        InsertPattern().Match(sql) is { Success: true } match ? (match.Groups[1].Value, List(match.Groups[2].Value)) : null;

    private static string[] List(string columns) =>
        columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static HashSet<string> ColumnsRead(string query) =>
        QuotedColumn().Matches(query).Select(m => m.Groups[1].Value).ToHashSet();

    private object? Scalar(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [GeneratedRegex(@"^\s*INSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex InsertPattern();

    // EF's SQLite SQL names a column as "alias"."Column".
    [GeneratedRegex("\"\\w+\"\\.\"(\\w+)\"")]
    private static partial Regex QuotedColumn();
}
