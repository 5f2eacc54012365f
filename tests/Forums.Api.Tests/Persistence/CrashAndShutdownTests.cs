using System.Net;
using System.Text;
using Forums.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Forums.Api.Tests.Persistence;

/// <summary>Writes are whole or absent after a crash, and a stopping host finishes what it has started.</summary>
public sealed class CrashAndShutdownTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static HttpContent Csv(int rows)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(CsvFiles.File(rows)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        return content;
    }

    /// <summary>Counts straight from the file: delegates, places they hold, and the forum's place counter.</summary>
    private static (long Delegates, long Holding, long Counter) Counts(string folder, string forumId)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "forums.db")};Pooling=False");
        connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$forum", forumId.ToUpperInvariant());
            return (long)command.ExecuteScalar()!;
        }
        return (Scalar("SELECT COUNT(*) FROM Delegates WHERE ForumId = $forum"),
            Scalar("SELECT COUNT(*) FROM Delegates WHERE ForumId = $forum AND Status IN ('Confirmed', 'Pending')"),
            Scalar("SELECT PlacesTaken FROM Forums WHERE Id = $forum"));
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_an_import_and_of_registrations_leaves_no_partial_data()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        string forum, importForum;
        await using (var api = await ApiProcess.StartAsync(folder))
        {
            using var admin = api.AdminClient();
            forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(100);
            importForum = await admin.CreateForumWithCapacityExpectingCreatedAsync(100);

            var import = admin.PostAsync($"/api/forums/{importForum}/delegates/import", Csv(20_000));
            var registrations = Enumerable.Range(0, 300).Select(_ =>
                admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().Build())).ToList();
            await Task.Delay(1_500);
            api.Crash();
            await Task.WhenAll(registrations.Select(r => r.ContinueWith(_ => { })).Append(import.ContinueWith(_ => { })));
        }

        await using (var restarted = await ApiProcess.StartAsync(folder))
        {
            var (imported, _, _) = Counts(folder, importForum);
            Assert.True(imported is 0 or 20_000, $"the import left {imported} of 20,000 rows");
            var (registered, holding, counter) = Counts(folder, forum);
            output.WriteLine($"after the crash: import {imported:N0} of 20,000 rows; {registered} of 300 registrations, {holding} holding places, counter {counter}");
            Assert.Equal(holding, counter);
            Assert.True(registered <= 300);

            using var admin = restarted.AdminClient();
            await (await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().Build())).ShouldBeAsync(HttpStatusCode.Created);
        }
        var after = Counts(folder, forum);
        Assert.Equal(after.Holding, after.Counter);
        ForumsApiFactory.DeleteFolder(folder);
    }

    [Fact]
    public async Task Shutdown_finishes_the_requests_in_flight()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        await using (var api = await ApiProcess.StartAsync(folder))
        {
            using var admin = api.AdminClient();
            var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(100);

            var import = admin.PostAsync($"/api/forums/{forum}/delegates/import", Csv(20_000));
            await Task.Delay(500);
            api.Terminate();
            var response = await import;

            var summary = await response.ShouldBeAsync(HttpStatusCode.OK);
            Assert.Equal(20_000, (int)summary["rows"]!);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await api.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, api.ExitCode);
            Assert.Equal(20_000, Counts(folder, forum).Delegates);
        }
        ForumsApiFactory.DeleteFolder(folder);
    }
}
