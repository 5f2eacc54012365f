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
        var forum = await admin.CreateForumWithCapacityAsync(null);
        var running = new TaskCompletionSource();
        var held = api.Services.GetRequiredService<ImportTurns>().RunAsync(() => running.Task, CancellationToken.None);

        var response = await admin.ImportAsync(forum, CsvFiles.File(3));

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        running.SetResult();
        await held;
        await (await admin.ImportAsync(forum, CsvFiles.File(3))).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(3, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }
}
