using Forums.Api.Persistence;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Forums.Api.Tests.Persistence;

public sealed class MigrationTests
{
    // The context `dotnet ef migrations script` builds: the script deployed is this one.
    internal static SqlServerForumsDbContext SqlServerContext() => new SqlServerDesignTimeFactory().CreateDbContext([]);

    private static SqliteForumsDbContext SqliteContext() =>
        new(new DbContextOptionsBuilder<SqliteForumsDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = SqliteContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQLite migration: dotnet ef migrations add <Name> --context SqliteForumsDbContext --output-dir Persistence/Migrations/Sqlite");
    }

    [Fact]
    public void The_sql_server_migrations_match_the_model()
    {
        using var db = SqlServerContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a SQL Server migration: dotnet ef migrations add <Name> --context SqlServerForumsDbContext --output-dir Persistence/Migrations/SqlServer");
    }

    [Fact]
    public void Each_provider_has_its_own_migrations()
    {
        using var sqlite = SqliteContext();
        using var sqlServer = SqlServerContext();

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var sqlServerMigrations = sqlServer.Database.GetMigrations().ToList();

        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(sqlServerMigrations);
        Assert.All(sqliteMigrations, m => Assert.DoesNotContain(m, sqlServerMigrations));
        Assert.Equal(typeof(SqliteForumsDbContext), MigrationContext(sqlite));
        Assert.Equal(typeof(SqlServerForumsDbContext), MigrationContext(sqlServer));
    }

    [Fact]
    public void The_idempotent_sql_server_script_is_generated_without_a_server_and_parses_batch_by_batch()
    {
        using var db = SqlServerContext();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Forums]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Forums_Slug]", script);
        Assert.Contains("IF NOT EXISTS", script);
        var batches = TSql.Batches(script);
        Assert.True(batches.Count > db.Database.GetMigrations().Count(), "The script is split where sqlcmd splits it, at its GO lines.");
        foreach (var batch in batches)
            TSql.AssertParses(batch);
    }

    [Fact]
    public async Task The_sqlite_migrations_create_a_working_database()
    {
        var file = Path.Combine(Path.GetTempPath(), $"forums-migration-{Guid.NewGuid():N}.db");
        await using (var db = new SqliteForumsDbContext(new DbContextOptionsBuilder<SqliteForumsDbContext>().UseSqlite($"Data Source={file};Pooling=False").Options))
        {
            await db.Database.MigrateAsync();

            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Forums.CountAsync());
        }
        File.Delete(file);
    }

    private static Type MigrationContext(DbContext db) =>
        db.GetService<IMigrationsAssembly>().Migrations.Values.Select(t =>
            t.GetCustomAttributes(typeof(DbContextAttribute), false).Cast<DbContextAttribute>().Single().ContextType).Distinct().Single();
}
