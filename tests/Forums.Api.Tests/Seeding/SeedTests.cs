using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Hosting;
using Forums.Api.Seeding;
using Forums.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Seeding;

public sealed class SeedTests
{
    private const string SeedSlug = "central-asia-korea-ii";

    [Fact]
    public async Task The_seed_forum_is_published_with_only_what_the_source_states()
    {
        using var api = new SeededForumsApiFactory();
        var client = api.CreateAdminClient();

        var forum = await (await client.GetAsync($"/api/forum-slugs/{SeedSlug}")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal("published", (string)forum["status"]!);
        Assert.Equal("Орталық Азия – Корея ІІ ынтымақтастық форумы", (string)forum["title"]!["kk"]!);
        Assert.Equal("Central Asia – Korea II Cooperation Forum", (string)forum["title"]!["en"]!);
        Assert.Equal("Түркістан – Ұлы Жібек жолындағы халықаралық ынтымақтастық орталығы", (string)forum["theme"]!["kk"]!);
        Assert.Equal("Орталық Азия – Корея", (string)forum["series"]!["kk"]!);
        Assert.Equal(2, (int)forum["edition"]!);
        Assert.Equal("Түркістан", (string)forum["city"]!["kk"]!);
        Assert.Equal("KZ", (string)forum["country"]!);
        Assert.Equal("Asia/Almaty", (string)forum["timeZone"]!);
        Assert.Null(forum["startDate"]);
        Assert.Null(forum["endDate"]);
        Assert.Null(forum["venue"]);
        Assert.Null(forum["capacity"]);
    }

    [Fact]
    public async Task Restarting_does_not_duplicate_the_seed_or_undo_an_organisers_edit()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        string id;
        using (var first = new ForumsApiFactory(folder, seed: true))
        {
            var client = first.CreateAdminClient();
            var forum = await (await client.GetAsync($"/api/forum-slugs/{SeedSlug}")).ShouldBeAsync(HttpStatusCode.OK);
            id = (string)forum["id"]!;
            forum["capacity"] = 500;
            forum["title"]!["en"] = "Central Asia – Korea II (edited)";
            // A PUT takes the forum's fields, not what the server sets (a 400 names those).
            foreach (var readOnly in new[] { "id", "status", "createdAt", "updatedAt", "publishedAt" })
                forum.Remove(readOnly);
            await (await client.PutJsonAsync($"/api/forums/{id}", forum)).ShouldBeAsync(HttpStatusCode.OK);
        }

        using var restarted = new ForumsApiFactory(folder, seed: true);
        using var cleanup = new FolderCleanup(folder);
        var after = restarted.CreateAdminClient();
        var page = await (await after.GetAsync($"/api/forums?q={SeedSlug}")).ShouldBeAsync(HttpStatusCode.OK);

        var only = Assert.Single(page["items"]!.AsArray())!.AsObject();
        Assert.Equal(id, (string)only["id"]!);
        Assert.Equal(500, (int)only["capacity"]!);
        Assert.Equal("Central Asia – Korea II (edited)", (string)only["title"]!["en"]!);
    }

    [Fact]
    public async Task A_deleted_seed_forum_stays_deleted_after_a_restart()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        using (var first = new ForumsApiFactory(folder, seed: true))
        {
            var client = first.CreateAdminClient();
            var id = (string)(await (await client.GetAsync($"/api/forum-slugs/{SeedSlug}")).ShouldBeAsync(HttpStatusCode.OK))["id"]!;
            await (await client.PostAsync($"/api/forums/{id}/archive", null)).ShouldBeAsync(HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/forums/{id}")).StatusCode);
        }

        using var restarted = new ForumsApiFactory(folder, seed: true);
        using var cleanup = new FolderCleanup(folder);
        await (await restarted.CreateAdminClient().GetAsync($"/api/forum-slugs/{SeedSlug}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Seeding_can_be_switched_off()
    {
        using var api = new EmptyForumsApiFactory();

        var page = await (await api.CreateAdminClient().GetAsync("/api/forums")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Empty(page["items"]!.AsArray());
    }

    [Fact]
    public void The_seed_file_holds_no_invented_facts()
    {
        var seed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "central-asia-korea-ii.json")))!;
        var forum = seed["forum"]!.AsObject();

        foreach (var unstated in new[] { "startDate", "endDate", "venue", "capacity" })
            Assert.Null(forum[unstated]);
        Assert.Empty(forum["languages"]!.AsArray());
    }

    [Fact]
    public async Task A_seed_whose_programme_breaks_the_APIs_rules_stops_start_up_and_writes_nothing()
    {
        // The seed's programme is built by the API's own commands: two sessions in one room at one time clash there
        // as they would through POST /sessions.
        var seed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "central-asia-korea-ii.json")))!;
        foreach (var session in seed["sessions"]!.AsArray().Take(2))
        {
            session!["startsAt"] = "2027-06-10T10:00:00+05:00";
            session["endsAt"] = "2027-06-10T11:00:00+05:00";
            session["room"] = "Hall A";
        }
        var second = (string)seed["sessions"]![1]!["id"]!;
        var path = Path.Combine(Path.GetTempPath(), $"clash-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, seed.ToJsonString());
        using var api = new EmptyForumsApiFactory();
        var client = api.CreateAdminClient();

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var loader = ActivatorUtilities.CreateInstance<SeedLoader>(scope.ServiceProvider);
            var refused = await Assert.ThrowsAsync<StartupConfigurationException>(
                async () => await loader.ApplyAsync(await SeedLoader.ReadAsync(path, CancellationToken.None), CancellationToken.None));
            Assert.Contains($"session {second}", refused.Message);
            Assert.Contains("Hall A", refused.Message);
        }
        File.Delete(path);

        var page = await (await client.GetAsync("/api/forums")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty(page["items"]!.AsArray());
    }

    private sealed class FolderCleanup(string folder) : IDisposable
    {
        public void Dispose() => ForumsApiFactory.DeleteFolder(folder);
    }
}
