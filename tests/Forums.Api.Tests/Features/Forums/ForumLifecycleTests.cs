using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Forums;

public sealed class ForumLifecycleTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient client = api.CreateAdminClient();

    [Fact]
    public async Task A_draft_is_published_then_archived()
    {
        var id = (string)(await client.CreateForumExpectingCreatedAsync())["id"]!;

        var published = await client.PublishForumExpectingOkAsync(id);
        Assert.Equal("published", (string)published["status"]!);
        Assert.NotNull((string?)published["publishedAt"]);

        var archived = await (await client.PostAsync($"/api/forums/{id}/archive", null)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("archived", (string)archived["status"]!);
    }

    [Fact]
    public async Task Publishing_twice_or_publishing_an_archived_forum_is_409()
    {
        var id = (string)(await client.CreateForumExpectingCreatedAsync())["id"]!;
        await client.PublishForumExpectingOkAsync(id);

        var again = await (await client.PostAsync($"/api/forums/{id}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("published", (string)again["detail"]!);

        await (await client.PostAsync($"/api/forums/{id}/archive", null)).ShouldBeAsync(HttpStatusCode.OK);
        await (await client.PostAsync($"/api/forums/{id}/publish", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/forums/{id}/archive", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var (read, _) = await client.GetForumExpectingOkAsync(id);
        Assert.Equal("archived", (string)read["status"]!);
    }

    [Fact]
    public async Task A_published_forum_cannot_be_deleted()
    {
        var id = (string)(await client.CreateForumExpectingCreatedAsync())["id"]!;
        await client.PublishForumExpectingOkAsync(id);

        var problem = await (await client.DeleteAsync($"/api/forums/{id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("archive", (string)problem["detail"]!);
        await client.GetForumExpectingOkAsync(id);
    }

    [Fact]
    public async Task Drafts_and_archived_forums_are_deleted()
    {
        var draft = (string)(await client.CreateForumExpectingCreatedAsync())["id"]!;
        var archived = (string)(await client.CreateForumExpectingCreatedAsync())["id"]!;
        await client.PublishForumExpectingOkAsync(archived);
        await (await client.PostAsync($"/api/forums/{archived}/archive", null)).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var id in new[] { draft, archived })
        {
            var response = await client.DeleteAsync($"/api/forums/{id}");
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            await (await client.GetAsync($"/api/forums/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await client.DeleteAsync($"/api/forums/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Transitions_and_deletion_honour_if_match()
    {
        var id = (string)(await client.CreateForumExpectingCreatedAsync())["id"]!;
        var (_, etag) = await client.GetForumExpectingOkAsync(id);

        await (await client.SendJsonAsync(HttpMethod.Post, $"/api/forums/{id}/publish", null, ("If-Match", "\"41\"")))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await client.SendJsonAsync(HttpMethod.Delete, $"/api/forums/{id}", null, ("If-Match", "\"41\"")))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var published = await client.SendJsonAsync(HttpMethod.Post, $"/api/forums/{id}/publish", null, ("If-Match", etag));

        Assert.Equal("published", (string)(await published.ShouldBeAsync(HttpStatusCode.OK))["status"]!);
        Assert.NotEqual(etag, published.ETag());
    }

    [Fact]
    public async Task An_action_sent_with_a_json_content_type_and_no_body_works()
    {
        var id = (string)(await client.CreateForumExpectingCreatedAsync())["id"]!;
        using var content = new StringContent("", System.Text.Encoding.UTF8, "application/json");

        var published = await client.PostAsync($"/api/forums/{id}/publish", content);

        Assert.Equal("published", (string)(await published.ShouldBeAsync(HttpStatusCode.OK))["status"]!);
    }
}
