using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Forums;

public sealed class CreateForumTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient client = api.CreateAdminClient();

    [Fact]
    public async Task Creating_a_forum_answers_201_with_location_etag_and_the_draft()
    {
        var forum = new ForumBuilder()
            .With("title", new JsonObject { ["kk"] = "Форум", ["EN-gb"] = "Forum" })
            .With("country", "kz")
            .With("startDate", "2027-05-01").With("endDate", "2027-05-02")
            .With("capacity", 500);

        var response = await client.PostJsonAsync("/api/forums", forum.Build());

        var created = await response.ShouldBeAsync(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Equal($"/api/forums/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal("draft", (string)created["status"]!);
        Assert.Equal(forum.Slug, (string)created["slug"]!);
        Assert.Equal("KZ", (string)created["country"]!);
        Assert.Equal("Forum", (string)created["title"]!["en-GB"]!);
        Assert.Equal("2027-05-01", (string)created["startDate"]!);
        Assert.Equal(500, (int)created["capacity"]!);
        Assert.Null(created["publishedAt"]);

        var (read, _) = await client.GetForumExpectingOkAsync(id);
        Assert.Equal(created.ToJsonString(), read.ToJsonString());
    }

    [Fact]
    public async Task Every_invalid_field_is_named_as_in_the_json()
    {
        var forum = new ForumBuilder("Not A Slug")
            .With("title", new JsonObject { ["english!"] = "Forum" })
            .With("city", new JsonObject())
            .With("country", "XX")
            .With("timeZone", "Central Asia Standard Time")
            .With("startDate", "2027-05-02").With("endDate", "2027-05-01")
            .With("capacity", 0)
            .With("edition", -1)
            .With("languages", new JsonArray("kk", "not a tag"));

        var response = await client.PostJsonAsync("/api/forums", forum.Build());

        var problem = await response.ShouldBeInvalidAsync(
            "slug", "title", "city", "country", "timeZone", "endDate", "capacity", "edition", "languages[1]");
        Assert.Contains("english!", (string)problem["errors"]!["title"]![0]!);
        Assert.Contains("Central Asia Standard Time", (string)problem["errors"]!["timeZone"]![0]!);
    }

    [Fact]
    public async Task Missing_required_fields_are_named()
    {
        var response = await client.PostJsonAsync("/api/forums", new JsonObject { ["slug"] = "only-a-slug" });

        await response.ShouldBeInvalidAsync("title", "city", "country", "timeZone");
    }

    [Fact]
    public async Task Empty_texts_and_duplicate_language_tags_are_refused()
    {
        var forum = new ForumBuilder()
            .With("title", new JsonObject { ["en"] = "  " })
            .With("theme", new JsonObject { ["en"] = "A", ["EN"] = "B" });

        var response = await client.PostJsonAsync("/api/forums", forum.Build());

        await response.ShouldBeInvalidAsync("title", "theme");
    }

    [Fact]
    public async Task A_value_of_the_wrong_json_type_names_its_field()
    {
        var response = await client.PostJsonAsync("/api/forums", new ForumBuilder().With("capacity", "lots").Build());

        await response.ShouldBeInvalidAsync("capacity");
    }

    [Fact]
    public async Task Broken_json_is_a_400_naming_where_it_broke()
    {
        using var content = new StringContent("{\"slug\": \"abc\", \"title\": {\"en\": ", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/forums", content);

        await response.ShouldBeInvalidAsync("title.en");
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_400_about_the_body()
    {
        using var content = new StringContent("this is not json", Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/forums", content);

        await response.ShouldBeInvalidAsync("$");
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task A_body_that_is_not_declared_json_is_415(string contentType)
    {
        using var content = new StringContent(new ForumBuilder().Build().ToJsonString(), Encoding.UTF8, contentType);
        var response = await client.PostAsync("/api/forums", content);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_without_content_type_is_415()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(new ForumBuilder().Build().ToJsonString()));
        var response = await client.PostAsync("/api/forums", content);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_taken_slug_is_409_and_writes_nothing()
    {
        var first = await client.CreateForumExpectingCreatedAsync(new ForumBuilder("taken-slug"));

        var response = await client.PostJsonAsync("/api/forums", new ForumBuilder("taken-slug").With("title", new JsonObject { ["en"] = "Other" }).Build());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("taken-slug", (string)problem["detail"]!);
        var list = await (await client.GetAsync("/api/forums?q=taken-slug")).ShouldBeAsync(HttpStatusCode.OK);
        var only = Assert.Single(list["items"]!.AsArray());
        Assert.Equal((string)first["id"]!, (string)only!["id"]!);
    }

    [Fact]
    public async Task An_empty_body_is_answered_field_by_field()
    {
        using var content = new StringContent("", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/forums", content);

        await response.ShouldBeInvalidAsync("slug", "title", "city", "country", "timeZone");
    }
}
