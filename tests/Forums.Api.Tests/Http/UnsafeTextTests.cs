using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>
/// Text people read flows into badges, CSV files and door screens: control characters, bidi overrides and
/// noncharacters are refused in every text field of every operation. The fields come from the OpenAPI document,
/// so a new field is covered the day it is added.
/// </summary>
public sealed partial class UnsafeTextTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    // Each as it is written inside a JSON string, so that a lone surrogate travels as the client sent it.
    private static readonly string[] Hostile =
    [
        @"Admin\u202egnp.exe", @"a\u0000b", @"\u001b[2Jcleared", @"a\u0007b", @"a\u007fb", @"a\u0085b", @"a\u2066b\u2069",
        @"a\ud800b", @"a\udc00", @"a\uffffb", @"a\ufdd0b", @"a\ud83f\udffeb", @"a\u2028b",
    ];

    private const string Placeholder = "HOSTILE-PLACEHOLDER-7F3";

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();

    [Fact]
    public async Task Every_text_field_of_every_operation_refuses_unsafe_characters_naming_the_field()
    {
        var forumId = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var document = await (await admin.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);
        var schemas = document["components"]!["schemas"]!.AsObject();
        var failures = new List<string>();
        var fieldsTried = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (verb, operation) in item!.AsObject().Where(o => o.Key is "post" or "put"))
            {
                if (operation!["requestBody"]?["content"]?["application/json"]?["schema"] is not { } schema)
                    continue;
                var url = PathParameter().Replace(path, m => m.Groups[1].Value == "forumId" ? forumId : Guid.NewGuid().ToString());
                foreach (var field in TextFields(Resolve(schema, schemas), "", schemas))
                    foreach (var hostile in Hostile)
                    {
                        fieldsTried++;
                        var json = field.Body().ToJsonString().Replace(Placeholder, hostile);
                        using var request = new HttpRequestMessage(new HttpMethod(verb.ToUpperInvariant()), url)
                        {
                            Content = new StringContent(json, Encoding.UTF8, "application/json"),
                        };
                        var response = await admin.SendAsync(request);
                        if (await Refusal(response, field.Name) is { } failure)
                            failures.Add($"{verb.ToUpperInvariant()} {path} {field.Name}={hostile}: {failure}");
                    }
            }

        Assert.True(fieldsTried > 400, $"only {fieldsTried} cases: the walk lost its fields");
        Assert.True(failures.Count == 0, $"{failures.Count} unsafe texts were not refused:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Every_text_query_parameter_refuses_unsafe_characters_naming_the_parameter()
    {
        var forumId = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var document = await (await admin.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);
        var failures = new List<string>();
        var tried = 0;

        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (_, operation) in item!.AsObject().Where(o => o.Key == "get"))
                foreach (var parameter in (operation!["parameters"]?.AsArray() ?? []).Where(p => (string)p!["in"]! == "query"))
                {
                    var schema = parameter!["schema"]!;
                    if ((string?)schema["type"] != "string" || schema["format"] is not null || schema["enum"] is not null)
                        continue;
                    var name = (string)parameter["name"]!;
                    foreach (var hostile in new[] { "Admin\u202egnp.exe", "a\u001b[2Jb", "a\u0000b", "a\u0085b" })
                    {
                        tried++;
                        var url = PathParameter().Replace(path, m => m.Groups[1].Value == "forumId" ? forumId : Guid.NewGuid().ToString());
                        var response = await admin.GetAsync($"{url}?{name}={Uri.EscapeDataString(hostile)}");
                        if (await Refusal(response, name) is { } failure)
                            failures.Add($"GET {path}?{name}={Uri.EscapeDataString(hostile)}: {failure}");
                    }
                }

        Assert.True(tried > 20, $"only {tried} cases: the walk lost its parameters");
        Assert.True(failures.Count == 0, $"{failures.Count} unsafe texts were not refused:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Multi_line_texts_keep_their_line_breaks_and_tabs_and_one_line_texts_refuse_them()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var speaker = new SpeakerBuilder().With("biography", new JsonObject { ["en"] = "Mayor since 2019.\r\n\tBefore: akim." });

        var created = await admin.CreateSpeakerExpectingCreatedAsync(forum, speaker);

        Assert.Equal("Mayor since 2019.\r\n\tBefore: akim.", (string)created["biography"]!["en"]!);
        var oneLine = await admin.PostJsonAsync($"/api/forums/{forum}/speakers", new SpeakerBuilder().With("position", new JsonObject { ["en"] = "Mayor\n" }).Build());
        await oneLine.ShouldBeInvalidAsync("position");
    }

    [Fact]
    public async Task Scripts_marks_and_emoji_are_text_people_read()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        const string name = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u200f\u05e9\u05dc\u05d5\u05dd \ud83d\udc69\u200d\ud83d\udcbc \ud55c\uad6d\uc5b4 \u0422\u04af\u0440\u043a\u0456\u0441\u0442\u0430\u043d";

        var created = await admin.CreateSpeakerExpectingCreatedAsync(forum, new SpeakerBuilder(name));

        Assert.Equal(name, (string)created["name"]!);
    }

    [Fact]
    public async Task Patterns_end_at_the_very_end_so_a_trailing_line_break_is_refused()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;

        var phone = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("phone", "+7 725 330 0000\n").Build());
        var nonce = await admin.PostJsonAsync($"/api/forums/{forum}/check-ins",
            new JsonObject { ["accreditationCode"] = "K7QM-3XZP-9R2T-H4WD", ["nonce"] = "scanner-1\n" });

        await phone.ShouldBeInvalidAsync("phone");
        await nonce.ShouldBeInvalidAsync("nonce");
    }

    [Fact]
    public async Task Text_of_only_invisible_characters_is_refused_as_blank()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;

        var name = await admin.PostJsonAsync($"/api/forums/{forum}/speakers", new SpeakerBuilder("\u200b\u200d\u2060").Build());
        var title = await admin.PostJsonAsync($"/api/forums/{forum}/sessions", new SessionBuilder().With("title", new JsonObject { ["en"] = " \ufeff " }).Build());

        await name.ShouldBeInvalidAsync("name");
        await title.ShouldBeInvalidAsync("title");
    }

    [Theory]
    [InlineData("\U000E0041\U000E0064\U000E006D")]
    [InlineData("\u3164\u3164")]
    [InlineData("\uffa0")]
    [InlineData("\u2800")]
    [InlineData("\u115f\u1160")]
    [InlineData("\u0301")]
    [InlineData("\u0301\u20dd\u0903")]
    [InlineData("\ufe0f")]
    [InlineData("\U0001BCA0")]
    [InlineData("\U0001D173\U000E0100")]
    [InlineData(" \u180e\u034f ")]
    public async Task Text_of_only_invisible_characters_outside_the_basic_plane_fillers_or_lone_marks_is_refused(string name)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder(name).Build());

        await response.ShouldBeInvalidAsync("name");
    }

    [Theory]
    [InlineData("Admin\U000E0020\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065")]
    [InlineData("Scotland \U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")]
    public async Task Tag_characters_are_refused_in_text_people_read_naming_the_character(string name)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder(name).Build());

        var problem = await response.ShouldBeInvalidAsync("name");
        Assert.Contains("tag character (U+E00", (string)problem["errors"]!["name"]![0]!);
    }

    [Theory]
    [InlineData("Hello\ufe0f\ufe01\ufe02", "a variation selector not after a character (U+FE01)")]
    [InlineData("Hello\U000E0100\U000E0142\U000E0168", "a variation selector not after a character (U+E0142)")]
    [InlineData("\ufe0fHello", "a variation selector not after a character (U+FE0F)")]
    [InlineData("Hello\U000E0200", "an unassigned invisible character (U+E0200)")]
    public async Task Runs_of_variation_selectors_and_unassigned_invisible_characters_that_hide_data_are_refused(string name, string reason)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder(name).Build());

        var problem = await response.ShouldBeInvalidAsync("name");
        Assert.Contains(reason, (string)problem["errors"]!["name"]![0]!);
    }

    [Fact]
    public async Task Visible_text_keeps_its_joiners_variation_selectors_and_marks()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        const string name = "Jos\u0065\u0301 \u2764\ufe0f \U0001F469\u200D\U0001F4BB \u8fbb\U000E0100 \u1100\u1161";

        var created = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder(name));

        Assert.Equal(name, (string)created["name"]!);
    }

    [Fact]
    public async Task Slugs_and_language_tags_refuse_a_trailing_line_break()
    {
        var slug = await admin.PostJsonAsync("/api/forums", new ForumBuilder().With("slug", "forum-with-a-newline\n").Build());
        var tag = await admin.PostJsonAsync("/api/forums", new ForumBuilder().With("title", new JsonObject { ["en\n"] = "Forum" }).Build());
        var list = await admin.PostJsonAsync("/api/forums", new ForumBuilder().With("languages", new JsonArray("kk\n")).Build());
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var query = await admin.GetAsync($"/api/forums/{forum}/sessions?language=kk%0A");

        await slug.ShouldBeInvalidAsync("slug");
        await tag.ShouldBeInvalidAsync("title");
        await list.ShouldBeInvalidAsync("languages[0]");
        await query.ShouldBeInvalidAsync("language");
    }

    [Fact]
    public async Task An_import_refuses_unsafe_characters_on_their_line_and_column()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var csv = CsvFiles.File(3, i => i switch
        {
            2 => CsvFiles.Row(i).Replace("Делегат 2", "Admin\u202egnp.exe"),
            3 => CsvFiles.Row(i).Replace("Akimat", "Aki\u001b[31mmat"),
            _ => CsvFiles.Row(i),
        });

        var response = await admin.ImportAsync(forum, csv);

        await response.ShouldBeInvalidAsync("line 3: name", "line 4: organisation.*");
    }

    private static async Task<string?> Refusal(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest)
            return $"{(int)response.StatusCode} {Shorten(text)}";
        var errors = JsonNode.Parse(text)?["errors"]?.AsObject();
        return errors is not null && errors.Any(e => Names(e.Key, field)) ? null : $"400 without '{field}' in its errors: {Shorten(text)}";
    }

    // "title" is named as "title" or "title.en"; "languages" as "languages" or "languages[0]".
    private static bool Names(string key, string field) =>
        key == field || key.StartsWith(field + ".", StringComparison.Ordinal) || key.StartsWith(field + "[", StringComparison.Ordinal);

    private sealed record TextField(string Name, Func<JsonObject> Body);

    /// <summary>Every string a client writes in this schema (nested objects, maps and lists included), each with a body carrying the placeholder in it.</summary>
    private static IEnumerable<TextField> TextFields(JsonObject schema, string prefix, JsonObject schemas)
    {
        foreach (var (name, propertyNode) in schema["properties"]?.AsObject() ?? [])
        {
            var property = Resolve(propertyNode!, schemas);
            var fieldName = prefix + name;
            if (IsText(property))
                yield return new TextField(fieldName, () => new JsonObject { [name] = Placeholder });
            else if ((string?)property["type"] == "array" && property["items"] is { } items && IsText(Resolve(items, schemas)))
                yield return new TextField(fieldName, () => new JsonObject { [name] = new JsonArray(Placeholder) });
            else if ((string?)property["type"] == "object" && property["additionalProperties"] is JsonObject values && IsText(Resolve(values, schemas)))
                yield return new TextField(fieldName, () => new JsonObject { [name] = new JsonObject { ["en"] = Placeholder } });
            else if (property["properties"] is not null)
                foreach (var inner in TextFields(property, fieldName + ".", schemas))
                    yield return inner with { Body = () => new JsonObject { [name] = inner.Body() } };
        }
    }

    private static bool IsText(JsonObject schema) => (string?)schema["type"] == "string" && schema["format"] is null && schema["enum"] is null;

    private static JsonObject Resolve(JsonNode schema, JsonObject schemas)
    {
        var node = schema.AsObject();
        if ((string?)node["$ref"] is { } reference)
            return schemas[reference.Split('/')[^1]]!.AsObject();
        if (node["allOf"]?.AsArray() is [{ } only])
            return Resolve(only, schemas);
        return node;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
