using System.Net;
using Forums.Api.Persistence;
using Forums.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Persistence;

/// <summary>The database locked, read-only or gone: requests answer 503 problem details, and the API recovers by itself.</summary>
public sealed class DatabaseFaultTests
{
    private static async Task<string> MigratedDatabaseAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "forums.db");
        await using var db = new SqliteForumsDbContext(new DbContextOptionsBuilder<SqliteForumsDbContext>().UseSqlite($"Data Source={file}").Options);
        await db.Database.MigrateAsync();
        return file;
    }

    private static ForumsApiFactory Api(string connectionString, params (string, string)[] more) =>
        new(null, seed: false, new Dictionary<string, string?>(more.Select(m => KeyValuePair.Create(m.Item1, (string?)m.Item2)))
        {
            ["ConnectionStrings:Sqlite"] = connectionString,
            ["Database:MigrateAtStartup"] = "false",
        });

    [Fact]
    public async Task A_read_only_database_answers_writes_with_503_and_still_serves_reads()
    {
        var file = await MigratedDatabaseAsync(ForumsApiFactory.NewDataFolder());
        using var api = Api($"Data Source={file};Mode=ReadOnly");
        var admin = api.CreateAdminClient();

        var refused = await admin.PostJsonAsync("/api/forums", new ForumBuilder().Build());

        await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(refused.Headers.RetryAfter);
        await (await admin.GetAsync("/api/forums")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_not_ready_and_recovers_without_a_restart()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        var file = Path.Combine(folder, "forums.db");
        using var api = Api($"Data Source={file};Mode=ReadWrite");
        var admin = api.CreateAdminClient();

        await (await admin.GetAsync("/health/ready")).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        await (await admin.GetAsync("/api/forums")).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        await (await admin.GetAsync("/health/live")).ShouldBeAsync(HttpStatusCode.OK);

        await MigratedDatabaseAsync(folder);

        await (await admin.GetAsync("/health/ready")).ShouldBeAsync(HttpStatusCode.OK);
        await admin.CreateForumExpectingCreatedAsync();
    }

    [Fact]
    public async Task A_database_locked_past_the_busy_timeout_answers_503_and_works_again_once_released()
    {
        var file = await MigratedDatabaseAsync(ForumsApiFactory.NewDataFolder());
        using var api = Api($"Data Source={file};Default Timeout=1");
        var admin = api.CreateAdminClient();
        await admin.CreateForumExpectingCreatedAsync();

        await using (var blocker = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await blocker.OpenAsync();
            await using var exclusive = blocker.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE;";
            await exclusive.ExecuteNonQueryAsync();

            var started = DateTime.UtcNow;
            var refused = await admin.PostJsonAsync("/api/forums", new ForumBuilder().Build());

            await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the request waited past its timeout");
            exclusive.CommandText = "ROLLBACK;";
            await exclusive.ExecuteNonQueryAsync();
        }

        await admin.CreateForumExpectingCreatedAsync();
    }
}
