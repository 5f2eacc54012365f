using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>A tiny request must not buy a huge answer: each field's errors are bounded, and no error echoes a long input.</summary>
public sealed class BoundedErrorTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private const int SmallAnswer = 4_096;
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task A_language_map_with_60000_bad_tags_is_a_small_400_naming_a_few_tags_and_the_count()
    {
        var title = new JsonObject();
        for (var i = 0; i < 60_000; i++)
            title[i.ToString()] = "x";

        var response = await admin.PostJsonAsync("/api/forums", new ForumBuilder().With("title", title).Build());

        var text = await SmallAsync(response);
        var problem = await response.ShouldBeInvalidAsync("title");
        var messages = problem["errors"]!["title"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.True(messages.Count <= 5, string.Join("\n", messages));
        Assert.Contains(messages, m => m.Contains("'0'") && m.Contains("60,000"));
        Assert.True(text.Length < SmallAnswer);
    }

    [Fact]
    public async Task A_language_map_with_thousands_of_empty_or_overlong_texts_is_a_small_400()
    {
        var title = new JsonObject();
        for (var i = 0; i < 20_000; i++)
            title[$"x-{i:x}"] = i % 2 == 0 ? " " : new string('a', 40);

        var response = await admin.PostJsonAsync("/api/forums", new ForumBuilder().With("title", title).Build());

        await SmallAsync(response);
        await response.ShouldBeInvalidAsync("title");
    }

    [Fact]
    public async Task A_list_of_60000_bad_language_tags_is_a_small_400()
    {
        var languages = new JsonArray();
        for (var i = 0; i < 60_000; i++)
            languages.Add(i.ToString());

        var response = await admin.PostJsonAsync("/api/forums", new ForumBuilder().With("languages", languages).Build());

        var text = await SmallAsync(response);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.All(problem["errors"]!.AsObject(), e => Assert.StartsWith("languages", e.Key));
        Assert.True(text.Length < SmallAnswer);
    }

    [Theory]
    [InlineData("country")]
    [InlineData("timeZone")]
    public async Task A_long_bad_value_is_not_echoed_whole(string field)
    {
        var response = await admin.PostJsonAsync("/api/forums", new ForumBuilder().With(field, new string('Z', 500_000)).Build());

        await SmallAsync(response);
        await response.ShouldBeInvalidAsync(field);
    }

    [Fact]
    public async Task A_long_bad_language_tag_is_not_echoed_whole()
    {
        var response = await admin.PostJsonAsync("/api/forums", new ForumBuilder().With("languages", new JsonArray(new string('x', 500_000))).Build());

        await SmallAsync(response);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_binding_error_under_a_long_key_does_not_echo_the_key()
    {
        var body = $"{{\"title\":{{\"{new string('k', 500_000)}\":5}}}}";
        var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await admin.PostAsync("/api/forums", content);

        await SmallAsync(response);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("limit")]
    [InlineData("kind")]
    [InlineData("day")]
    [InlineData("speakerId")]
    public async Task A_long_query_value_that_cannot_bind_is_not_echoed_whole(string parameter)
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;

        var response = await admin.GetAsync($"/api/forums/{forum}/sessions?{parameter}={new string('9', 6_000)}x");

        await SmallAsync(response);
        await response.ShouldBeInvalidAsync(parameter);
    }

    [Fact]
    public async Task A_csv_row_with_thousands_of_bad_languages_is_a_small_400()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        // 10,000 bad tags: a line still under the import's 65,536 characters, so the field rule answers it.
        var languages = string.Join(' ', Enumerable.Range(0, 10_000).Select(i => i.ToString()));
        var csv = CsvFiles.File(1, i => CsvFiles.Row(i).Replace(",kk ru,", $",{languages},"));

        var response = await admin.ImportAsync(forum, csv);

        await SmallAsync(response);
        await response.ShouldBeInvalidAsync("line 2: languages");
    }

    private static async Task<string> SmallAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length < SmallAnswer, $"{(int)response.StatusCode}, {text.Length:N0} characters: {text[..Math.Min(600, text.Length)]}");
        return text;
    }
}
