using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Forums;

public sealed class UpdateForumTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient client = api.CreateAdminClient();

    [Fact]
    public async Task Replacing_with_the_current_etag_changes_the_forum_and_its_etag()
    {
        var forum = new ForumBuilder();
        var created = await client.CreateForumExpectingCreatedAsync(forum);
        var id = (string)created["id"]!;
        var (_, etag) = await client.GetForumExpectingOkAsync(id);

        var response = await client.PutJsonAsync($"/api/forums/{id}",
            forum.With("capacity", 300).With("venue", new JsonObject { ["en"] = "Congress hall" }).Build(), ("If-Match", etag));

        var updated = await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(300, (int)updated["capacity"]!);
        Assert.Equal("Congress hall", (string)updated["venue"]!["en"]!);
        Assert.NotEqual(etag, response.ETag());
        var (read, readEtag) = await client.GetForumExpectingOkAsync(id);
        Assert.Equal(300, (int)read["capacity"]!);
        Assert.Equal(response.ETag(), readEtag);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_and_changes_nothing()
    {
        var forum = new ForumBuilder();
        var id = (string)(await client.CreateForumExpectingCreatedAsync(forum))["id"]!;
        var (_, firstEtag) = await client.GetForumExpectingOkAsync(id);
        await (await client.PutJsonAsync($"/api/forums/{id}", forum.With("capacity", 10).Build(), ("If-Match", firstEtag)))
            .ShouldBeAsync(HttpStatusCode.OK);

        var response = await client.PutJsonAsync($"/api/forums/{id}", forum.With("capacity", 99).Build(), ("If-Match", firstEtag));

        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var (read, _) = await client.GetForumExpectingOkAsync(id);
        Assert.Equal(10, (int)read["capacity"]!);
    }

    [Fact]
    public async Task Without_if_match_the_last_write_wins()
    {
        var forum = new ForumBuilder();
        var id = (string)(await client.CreateForumExpectingCreatedAsync(forum))["id"]!;

        var response = await client.PutJsonAsync($"/api/forums/{id}", forum.With("edition", 3).Build());

        Assert.Equal(3, (int)(await response.ShouldBeAsync(HttpStatusCode.OK))["edition"]!);
    }

    [Fact]
    public async Task Fields_left_out_are_cleared_and_the_status_is_kept()
    {
        var forum = new ForumBuilder().With("capacity", 50).With("theme", new JsonObject { ["en"] = "Cooperation" });
        var id = (string)(await client.CreateForumExpectingCreatedAsync(forum))["id"]!;
        await client.PublishForumExpectingOkAsync(id);

        var response = await client.PutJsonAsync($"/api/forums/{id}", forum.Without("capacity").Without("theme").Build());

        var updated = await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Null(updated["capacity"]);
        Assert.Null(updated["theme"]);
        Assert.Equal("published", (string)updated["status"]!);
    }

    [Fact]
    public async Task Taking_another_forums_slug_is_409()
    {
        var other = await client.CreateForumExpectingCreatedAsync();
        var forum = new ForumBuilder();
        var ownSlug = forum.Slug;
        var id = (string)(await client.CreateForumExpectingCreatedAsync(forum))["id"]!;

        var response = await client.PutJsonAsync($"/api/forums/{id}", forum.With("slug", (string)other["slug"]!).Build());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains((string)other["slug"]!, (string)problem["detail"]!);
        var (read, _) = await client.GetForumExpectingOkAsync(id);
        Assert.Equal(ownSlug, (string)read["slug"]!);
    }

    [Fact]
    public async Task Invalid_fields_are_400_and_an_unknown_forum_is_404()
    {
        var id = (string)(await client.CreateForumExpectingCreatedAsync())["id"]!;

        await (await client.PutJsonAsync($"/api/forums/{id}", new ForumBuilder().With("timeZone", "UTC+5").Build()))
            .ShouldBeInvalidAsync("timeZone");
        await (await client.PutJsonAsync($"/api/forums/{Guid.NewGuid()}", new ForumBuilder().Build()))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
