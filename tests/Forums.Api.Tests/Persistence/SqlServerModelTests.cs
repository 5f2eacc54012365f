using Forums.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Persistence;

/// <summary>No SQL Server runs here: its model is checked as EF Core maps it, and its script is generated.</summary>
public sealed class SqlServerModelTests
{
    [Fact]
    public void Forums_map_to_sql_server_types_with_a_unique_slug_and_a_concurrency_token()
    {
        using var db = MigrationTests.SqlServerContext();
        var forum = db.Model.FindEntityType(typeof(Forum))!;

        Assert.Equal("nvarchar(100)", forum.FindProperty(nameof(Forum.Slug))!.GetColumnType());
        Assert.Equal("char(2)", forum.FindProperty(nameof(Forum.Country))!.GetColumnType());
        Assert.Equal("nvarchar(max)", forum.FindProperty(nameof(Forum.Title))!.GetColumnType());
        Assert.Equal("date", forum.FindProperty(nameof(Forum.StartDate))!.GetColumnType());
        Assert.True(forum.FindProperty(nameof(Forum.Version))!.IsConcurrencyToken);
        Assert.Contains(forum.GetIndexes(), i => i.IsUnique && i.Properties.Single().Name == nameof(Forum.Slug));
    }

    [Fact]
    public void The_create_script_holds_every_table()
    {
        using var db = MigrationTests.SqlServerContext();

        var script = db.Database.GenerateCreateScript();

        foreach (var table in new[] { "[Forums]", "[IdempotencyRecords]", "[AppliedSeeds]", "[ApiTokens]" })
            Assert.Contains($"CREATE TABLE {table}", script);
    }
}
