using System.Net;
using Forums.Api.Http;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Features.Delegates;

/// <summary>An instance runs one import at a time; the next waits its turn within its time limit.</summary>
public sealed class ImportTurnTests
{
    [Fact]
    public async Task An_import_waits_for_the_one_running_and_answers_503_past_its_time_limit()
    {
        using var api = new ForumsApiFactory(ForumsApiFactory.NewDataFolder(), seed: false,
            new Dictionary<string, string?> { ["Limits:RequestTimeoutSeconds"] = "1" });
        var admin = api.CreateAdminClient();
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var running = new TaskCompletionSource();
        var held = api.Services.GetRequiredService<ImportTurns>().RunAsync(() => running.Task, CancellationToken.None);

        var response = await admin.ImportAsync(forum, CsvFiles.File(3));

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        running.SetResult();
        await held;
        await (await admin.ImportAsync(forum, CsvFiles.File(3))).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(3, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }

    /// <summary>A body that sends its header, then a row every 200 ms until released: a slow (or hostile) uploader above Kestrel's minimum rate.</summary>
    private sealed class TrickleUpload(Task released) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(CsvFiles.Header + "\r\n"));
            for (var i = 0; !released.IsCompleted; i++)
            {
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(CsvFiles.Row(i) + "\r\n"));
                await stream.FlushAsync();
                await Task.WhenAny(released, Task.Delay(200));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    [Fact]
    public async Task A_slow_upload_does_not_hold_the_import_turn_while_its_body_arrives()
    {
        // A real server: Kestrel hands the request over while its body is still arriving.
        var folder = ForumsApiFactory.NewDataFolder();
        string slowForum, forum;
        using (var setup = new ForumsApiFactory(folder, seed: false))
        {
            var setupAdmin = setup.CreateAdminClient();
            slowForum = await setupAdmin.CreateForumWithCapacityExpectingCreatedAsync(null);
            forum = await setupAdmin.CreateForumWithCapacityExpectingCreatedAsync(null);
        }
        await using var process = await ApiProcess.StartAsync(folder);
        using var admin = new HttpClient { BaseAddress = new Uri(process.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ForumsApiFactory.AdminToken);
        var release = new TaskCompletionSource();
        var upload = new TrickleUpload(release.Task);
        upload.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var slow = admin.PostAsync($"/api/forums/{slowForum}/delegates/import", upload);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var quick = await admin.ImportAsync(forum, CsvFiles.File(3));

        await quick.ShouldBeAsync(HttpStatusCode.OK);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"answered after {watch.Elapsed}");
        release.SetResult();
        await (await slow).ShouldBeAsync(HttpStatusCode.OK);
    }
}
