using System.Data.Common;
using System.Diagnostics;
using System.Net;
using Forums.Api.Persistence;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Http;

/// <summary>A request past Limits:RequestTimeoutSeconds answers 503 problem details: never a reset, never a late 200.</summary>
public sealed class RequestTimeoutTests
{
    /// <summary>Makes matching reads slow, once armed: as a slow disk or a huge programme would.</summary>
    private sealed class SlowReads : DbCommandInterceptor
    {
        public TimeSpan Delay { get; set; }
        public bool ObservesCancellation { get; set; }
        public string Matching { get; set; } = "FROM \"Sessions\"";

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Delay > TimeSpan.Zero && command.CommandText.Contains(Matching, StringComparison.Ordinal))
                await Task.Delay(Delay, ObservesCancellation ? cancellationToken : CancellationToken.None);
            return result;
        }
    }

    /// <summary>The API on a folder prepared by another host, with a time limit of one second.</summary>
    private sealed class SlowApi(string folder) : ForumsApiFactory(folder, seed: false, new Dictionary<string, string?> { ["Limits:RequestTimeoutSeconds"] = "1" })
    {
        public SlowReads SlowReads { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<SqliteForumsDbContext>(o => o.AddInterceptors(SlowReads)));
        }
    }

    /// <summary>A programme of some 150 kB in each view, more than a response buffer: once written, it cannot turn into a 503.</summary>
    private static async Task<(string Folder, string Forum)> PublishedProgrammeAsync()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        using var api = new ForumsApiFactory(folder, seed: false);
        var admin = api.CreateAdminClient();
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        for (var i = 0; i < 30; i++)
            await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", i)
                .With("description", new System.Text.Json.Nodes.JsonObject { ["en"] = new string('x', 5_000) })
                .At($"2027-05-20T{8 + i / 4:00}:{i % 4 * 15:00}:00+05:00", $"2027-05-20T{8 + i / 4:00}:{i % 4 * 15 + 14:00}:00+05:00", $"Hall {i}"));
        await admin.PublishForumExpectingOkAsync(forum);
        return (folder, forum);
    }

    private static async Task<SlowApi> StartSlowAsync(string folder)
    {
        var api = new SlowApi(folder);
        await (await api.CreateClient().GetAsync("/health/live")).ShouldBeAsync(HttpStatusCode.OK);
        return api;
    }

    [Fact]
    public async Task A_read_that_outlasts_the_time_limit_is_stopped_and_answered_503_with_retry_after()
    {
        var (folder, forum) = await PublishedProgrammeAsync();
        using var api = await StartSlowAsync(folder);
        api.SlowReads.Delay = TimeSpan.FromSeconds(20);
        api.SlowReads.ObservesCancellation = true;
        var watch = Stopwatch.StartNew();

        var response = await api.CreateClient().GetAsync($"/api/forums/{forum}/agenda");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("longer than 1 s", (string)problem["detail"]!);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"answered after {watch.Elapsed}");
    }

    [Theory]
    [InlineData("agenda")]
    [InlineData("programme.ics")]
    [InlineData("schedule.json")]
    public async Task A_document_whose_programme_arrives_past_the_time_limit_is_not_built_or_sent_but_answered_503(string view)
    {
        var (folder, forum) = await PublishedProgrammeAsync();
        using var api = await StartSlowAsync(folder);
        // A step that does not observe the cancellation and returns after the deadline: what follows must.
        api.SlowReads.Delay = TimeSpan.FromSeconds(2);
        api.SlowReads.ObservesCancellation = false;

        var response = await api.CreateClient().GetAsync($"/api/forums/{forum}/{view}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("longer than 1 s", (string)problem["detail"]!);
    }

    [Fact]
    public async Task An_export_that_has_begun_is_finished_even_past_the_time_limit_rather_than_cut_off()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        string forum;
        using (var setup = new ForumsApiFactory(folder, seed: false))
        {
            var admin = setup.CreateAdminClient();
            forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
            await (await admin.ImportAsync(forum, CsvFiles.File(50))).ShouldBeAsync(HttpStatusCode.OK);
        }
        using var api = await StartSlowAsync(folder);
        // The rows are read after the header is written: the answer has begun when they arrive late.
        api.SlowReads.Matching = "ORDER BY \"d\".\"SortKey\"";
        api.SlowReads.Delay = TimeSpan.FromSeconds(2);

        var response = await api.CreateAdminClient().GetAsync($"/api/forums/{forum}/delegates/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(51, (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>
    /// A client that starts a large document and stops reading must not hold its build slot beyond the time limit:
    /// two such clients once kept every forum's agenda, iCalendar file and schedule waiting (503) for hours.
    /// </summary>
    [Fact]
    public async Task A_reader_that_stops_taking_a_document_loses_it_at_the_time_limit_and_frees_its_slot()
    {
        var (folder, forum) = await PublishedProgrammeAsync();
        using var api = new SlowDocumentsApi(folder);
        var stalled = await api.CreateStreamingClient().GetAsync($"/api/forums/{forum}/agenda", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stalled.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        // The one slot is the stalled reader's until the time limit (2 s) after its answer began; then this read gets
        // it, a second before its own limit.
        var next = await api.CreateClient().GetAsync($"/api/forums/{forum}/schedule.json");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"answered after {watch.Elapsed}");
        await Assert.ThrowsAnyAsync<Exception>(async () => await (await stalled.Content.ReadAsStreamAsync()).CopyToAsync(Stream.Null));
    }

    /// <summary>One document at a time and a time limit of two seconds.</summary>
    private sealed class SlowDocumentsApi(string folder) : ForumsApiFactory(folder, seed: false, new Dictionary<string, string?>
    {
        ["Limits:RequestTimeoutSeconds"] = "2",
        ["Limits:ConcurrentDocumentBuilds"] = "1",
    });
}
