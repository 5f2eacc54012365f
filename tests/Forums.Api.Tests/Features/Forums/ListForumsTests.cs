using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Forums;

public sealed class ListForumsTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient client = api.CreateAdminClient();

    [Fact]
    public async Task Paging_walks_every_forum_once_in_slug_order()
    {
        var prefix = "paging-" + Guid.NewGuid().ToString("N")[..6];
        var slugs = Enumerable.Range(0, 25).Select(i => $"{prefix}-{i:00}").ToList();
        foreach (var slug in slugs.AsEnumerable().Reverse())
            await client.CreateForumExpectingCreatedAsync(new ForumBuilder(slug));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/forums?q={prefix}&limit=10" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await (await client.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);
            seen.AddRange(page["items"]!.AsArray().Select(f => (string)f!["slug"]!));
            cursor = (string?)page["nextCursor"];
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(slugs, seen);
    }

    [Fact]
    public async Task The_default_page_has_20_items_and_limit_100_is_allowed()
    {
        var prefix = "many-" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 21; i++)
            await client.CreateForumExpectingCreatedAsync(new ForumBuilder($"{prefix}-{i:00}"));

        var page = await (await client.GetAsync($"/api/forums?q={prefix}")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(20, page["items"]!.AsArray().Count);
        Assert.NotNull((string?)page["nextCursor"]);

        var all = await (await client.GetAsync($"/api/forums?q={prefix}&limit=100")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(21, all["items"]!.AsArray().Count);
        Assert.Null((string?)all["nextCursor"]);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=-5", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=%25%25%25", "cursor")]
    [InlineData("cursor=Tk9UIEEgU0xVRw", "cursor")]
    [InlineData("status=deleted", "status")]
    [InlineData("country=XX", "country")]
    public async Task Bad_query_parameters_are_400_naming_the_parameter(string query, string field)
    {
        await (await client.GetAsync($"/api/forums?{query}")).ShouldBeInvalidAsync(field);
    }

    [Fact]
    public async Task Filters_by_status_and_country()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var draftKz = await client.CreateForumExpectingCreatedAsync(new ForumBuilder($"kz-draft-{tag}"));
        var publishedKz = await client.CreateForumExpectingCreatedAsync(new ForumBuilder($"kz-published-{tag}"));
        await client.PublishForumExpectingOkAsync((string)publishedKz["id"]!);
        var publishedKr = await client.CreateForumExpectingCreatedAsync(new ForumBuilder($"kr-published-{tag}").With("country", "KR").With("timeZone", "Asia/Seoul"));
        await client.PublishForumExpectingOkAsync((string)publishedKr["id"]!);

        var published = await Slugs($"/api/forums?q={tag}&status=published");
        var kz = await Slugs($"/api/forums?q={tag}&country=kz");
        var publishedInKz = await Slugs($"/api/forums?q={tag}&country=KZ&status=published");

        Assert.Equal([$"kr-published-{tag}", $"kz-published-{tag}"], published);
        Assert.Equal([(string)draftKz["slug"]!, $"kz-published-{tag}"], kz);
        Assert.Equal([$"kz-published-{tag}"], publishedInKz);
    }

    [Theory]
    [InlineData("ТҮРКІСТАН")]
    [InlineData("түркістан")]
    [InlineData("Turkistan")]
    [InlineData("TURKISTAN")]
    [InlineData("ӘЛЕМ")]
    public async Task Search_ignores_case_in_every_script(string q)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        // Only the title says Turkistan: the city is another one.
        await client.CreateForumExpectingCreatedAsync(new ForumBuilder($"search-{tag}")
            .With("title", new JsonObject { ["kk"] = $"Түркістан әлем форумы {tag}", ["en"] = $"Turkistan world forum {tag}" })
            .With("city", new JsonObject { ["en"] = "Sauran", ["kk"] = "Сауран" }));

        var found = await Slugs($"/api/forums?q={Uri.EscapeDataString(q)}&limit=100");

        Assert.Contains($"search-{tag}", found);
    }

    /// <summary>Every field the forum's search text holds (Forum.Update), each searched for alone.</summary>
    [Theory]
    [InlineData("slug")]
    [InlineData("title")]
    [InlineData("theme")]
    [InlineData("series")]
    [InlineData("city")]
    [InlineData("venue")]
    public async Task Search_finds_a_forum_by_each_searched_field_alone(string field)
    {
        var slug = $"search-{Guid.NewGuid():N}"[..30];
        var words = new[] { "title", "theme", "series", "city", "venue" }.ToDictionary(f => f, _ => SearchWords.Cyrillic());
        var forum = new ForumBuilder(slug);
        foreach (var (name, word) in words)
            forum.With(name, SearchWords.InSecondLanguage(word));
        await client.CreateForumExpectingCreatedAsync(forum);

        var q = field == "slug" ? slug.ToUpperInvariant() : words[field].ToUpperInvariant();
        var found = await Slugs($"/api/forums?q={Uri.EscapeDataString(q)}&limit=100");

        Assert.Equal([slug], found);
    }

    [Fact]
    public async Task Search_that_matches_nothing_is_an_empty_page()
    {
        var page = await (await client.GetAsync("/api/forums?q=nothing-like-this-exists")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Empty(page["items"]!.AsArray());
        Assert.Null((string?)page["nextCursor"]);
    }

    private async Task<List<string>> Slugs(string url)
    {
        var page = await (await client.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(f => (string)f!["slug"]!).ToList();
    }
}
