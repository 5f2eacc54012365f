using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Forums;

public sealed class GetForumTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient client = api.CreateAdminClient();

    [Fact]
    public async Task A_forum_is_read_by_id_and_by_slug_with_the_same_etag()
    {
        var created = await client.CreateForumExpectingCreatedAsync();

        var byId = await client.GetAsync($"/api/forums/{created["id"]}");
        var bySlug = await client.GetAsync($"/api/forum-slugs/{created["slug"]}");

        Assert.Equal(created.ToJsonString(), (await byId.ShouldBeAsync(HttpStatusCode.OK)).ToJsonString());
        Assert.Equal(created.ToJsonString(), (await bySlug.ShouldBeAsync(HttpStatusCode.OK)).ToJsonString());
        Assert.Equal(byId.ETag(), bySlug.ETag());
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_answers_304_without_body()
    {
        var created = await client.CreateForumExpectingCreatedAsync();
        var (_, etag) = await client.GetForumExpectingOkAsync((string)created["id"]!);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/forums/{created["id"]}");
        request.Headers.TryAddWithoutValidation("If-None-Match", $"\"999\", W/{etag}");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.ETag());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_none_match_with_an_old_etag_answers_200()
    {
        var created = await client.CreateForumExpectingCreatedAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/forums/{created["id"]}");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"0\"");
        var response = await client.SendAsync(request);

        var body = await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal((string)created["id"]!, (string)body["id"]!);
    }

    [Fact]
    public async Task An_unknown_forum_is_404_problem_details()
    {
        var id = Guid.NewGuid();

        var problem = await (await client.GetAsync($"/api/forums/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(id.ToString(), (string)problem["detail"]!);
        Assert.Equal($"/api/forums/{id}", (string)problem["instance"]!);

        await (await client.GetAsync("/api/forum-slugs/no-such-forum")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_id_is_a_400_naming_forumId()
    {
        await (await client.GetAsync("/api/forums/not-a-guid")).ShouldBeInvalidAsync("forumId");
    }
}
