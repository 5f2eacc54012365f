using System.Net;
using System.Text;
using Forums.Api.Tests.Infrastructure;
using Forums.Api.Tests.OpenApi;

namespace Forums.Api.Tests.Features.Forums;

/// <summary>
/// An archived forum is read-only, and everything under it: every write of the document under /api/forums/{forumId},
/// sent with a body its schema accepts, answers 409 forum-archived; every read still answers 200; deleting it stays allowed.
/// </summary>
public sealed class ArchivedForumTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private const string UnderAForum = "/api/forums/{forumId}";

    [Fact]
    public async Task Every_write_under_an_archived_forum_is_409_forum_archived_and_every_read_still_answers()
    {
        var admin = api.CreateAdminClient();
        var world = await OperationWalk.PublishedWorldAsync(admin);
        world["accreditationCode"] = (string)(await admin.GetDelegateExpectingOkAsync(world["forumId"], world["delegateId"]))["accreditationCode"]!;
        await (await admin.PostAsync($"/api/forums/{world["forumId"]}/archive", null)).ShouldBeAsync(HttpStatusCode.OK);
        var operations = await OperationWalk.OperationsAsync(admin);
        var bodies = GeneratedBodyTests.Operations().ToDictionary(o => o.Id, o => o.Schema);

        var writes = operations.Where(o => o.Path.StartsWith(UnderAForum, StringComparison.Ordinal) && o.Method != HttpMethod.Get && o.Id != "deleteForum").ToList();
        var reads = operations.Where(o => (o.Path.StartsWith(UnderAForum, StringComparison.Ordinal) || o.Path.StartsWith("/api/forum-slugs/", StringComparison.Ordinal))
                                          && o.Method == HttpMethod.Get).ToList();
        Assert.True(writes.Count >= 20, $"only {writes.Count} writes under a forum: {string.Join(", ", writes.Select(w => w.Id))}");
        Assert.True(reads.Count >= 15, $"only {reads.Count} reads under a forum: {string.Join(", ", reads.Select(r => r.Id))}");

        var failures = new List<string>();
        foreach (var write in writes)
        {
            using var request = OperationWalk.Request(write, world);
            if (write.BodyType == "application/json")
                request.Content = new StringContent(GeneratedBodyTests.Minimal(bodies[write.Id], world).ToJsonString(), Encoding.UTF8, "application/json");
            var response = await admin.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.Conflict || !text.Contains("\"type\":\"" + global::Forums.Api.Http.ProblemTypeUris.DefaultBase + "forum-archived\""))
                failures.Add($"{write.Id}: {(int)response.StatusCode} {text}");
        }
        foreach (var read in reads)
        {
            var response = await admin.SendAsync(OperationWalk.Request(read, world));
            if (response.StatusCode != HttpStatusCode.OK)
                failures.Add($"{read.Id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Nothing under it moved, and an admin may still delete it.
        var delegate_ = await admin.GetDelegateExpectingOkAsync(world["forumId"], world["delegateId"]);
        Assert.Equal("confirmed", (string)delegate_["status"]!);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/forums/{world["forumId"]}")).StatusCode);
    }

    [Fact]
    public async Task The_forum_itself_is_read_only_once_archived_but_for_its_deletion()
    {
        var admin = api.CreateAdminClient();
        var forum = new ForumBuilder();
        var id = (string)(await admin.CreateForumExpectingCreatedAsync(forum))["id"]!;
        await (await admin.PostAsync($"/api/forums/{id}/archive", null)).ShouldBeAsync(HttpStatusCode.OK);

        await (await admin.PutJsonAsync($"/api/forums/{id}", forum.With("capacity", 500).Build())).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "forum-archived");
        await (await admin.PostAsync($"/api/forums/{id}/publish", null)).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "forum-archived");
        await (await admin.PostAsync($"/api/forums/{id}/archive", null)).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "forum-archived");
        var (read, _) = await admin.GetForumExpectingOkAsync(id);
        Assert.Equal("archived", (string)read["status"]!);
        Assert.Null(read["capacity"]);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/forums/{id}")).StatusCode);
    }
}
