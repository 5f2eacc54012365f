using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>
/// Errors a person can act on (issue 14, item 11): each 400 names the field as the JSON or the URL writes it and says
/// what would be accepted: an enum's values, a date's format with an example, a language map's shape, the member a
/// misspelt one was meant to be, the language a wrong tag was meant to be.
/// </summary>
public sealed class ActionableErrorTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    // One published forum with a delegation, a delegate, a speaker on a session and a token, made once for the class.
    private static readonly ConcurrentDictionary<EmptyForumsApiFactory, Task<Dictionary<string, string>>> Worlds = new();

    private Task<Dictionary<string, string>> WorldAsync() => Worlds.GetOrAdd(api, _ => OperationWalk.PublishedWorldAsync(admin));

    private async Task<string> UrlAsync(string template)
    {
        var world = await WorldAsync();
        return world.Aggregate("/api/" + template, (url, id) => url.Replace($"{{{id.Key}}}", id.Value));
    }

    /// <summary>A valid body for the operation's resource, with <paramref name="changes"/> (a JSON object) written over it.</summary>
    private static JsonObject Body(string method, string template, string changes)
    {
        if (method == "GET")
            return JsonNode.Parse(changes)!.AsObject();
        var resource = template.Split('?')[0].Split('/').Last(s => !s.StartsWith('{'));
        var body = resource switch
        {
            "forums" => new ForumBuilder().Build(),
            "delegations" => new DelegationBuilder().Build(),
            "delegates" => new DelegateBuilder().Build(),
            "speakers" when template.Contains("/sessions/", StringComparison.Ordinal) => new JsonObject { ["role"] = "speaker", ["order"] = 1 },
            "speakers" => new SpeakerBuilder().Build(),
            "sessions" => new SessionBuilder().Build(),
            "tokens" => new JsonObject { ["name"] = "Desk", ["role"] = "organiser", ["forumIds"] = new JsonArray(Guid.NewGuid().ToString()) },
            _ => new JsonObject(),
        };
        foreach (var (name, value) in JsonNode.Parse(changes)!.AsObject())
            body[name] = value?.DeepClone();
        return body;
    }

    private async Task<(JsonObject Problem, string Message)> RefusedAsync(string method, string template, string? changes, string field)
    {
        var url = await UrlAsync(template);
        var response = changes is null
            ? await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), url))
            : await admin.SendJsonAsync(new HttpMethod(method), url, Body(method, template, changes));
        var problem = await response.ShouldBeInvalidAsync(field);
        var message = string.Join(" | ", problem["errors"]![field]!.AsArray().Select(m => (string)m!));
        return (problem, message);
    }

    private static void AssertSays(string message, string expected)
    {
        foreach (var part in expected.Split(" && "))
            Assert.True(message.Contains(part, StringComparison.Ordinal), $"'{message}' does not say '{part}'");
    }

    [Theory]
    // Enums, in bodies and queries: the allowed values, as the JSON writes them.
    [InlineData("POST", "forums/{forumId}/delegations", """{"kind": "nation"}""", "kind", "'nation' is not one of country, region, organisation")]
    [InlineData("POST", "forums/{forumId}/delegations", """{"kind": 0}""", "kind", "one of country, region, organisation")]
    [InlineData("POST", "forums/{forumId}/sessions", """{"kind": "talk"}""", "kind", "'talk' is not one of presentation, address, panel")]
    [InlineData("PUT", "forums/{forumId}/sessions/{sessionId}", """{"kind": ["panel"]}""", "kind", "one of presentation, address, panel")]
    [InlineData("POST", "tokens", """{"role": "boss"}""", "role", "'boss' is not one of admin, organiser")]
    [InlineData("PUT", "forums/{forumId}/sessions/{sessionId}/speakers/{speakerId}", """{"role": "host"}""", "role", "'host' is not one of speaker, moderator")]
    [InlineData("GET", "forums/{forumId}/sessions?kind=talk", null, "kind", "'talk' is not one of presentation, address, panel")]
    [InlineData("GET", "forums/{forumId}/delegates?status=registered", null, "status", "'registered' is not one of pending, confirmed, waitlisted, cancelled")]
    [InlineData("GET", "tokens?role=boss", null, "role", "'boss' is not one of admin, organiser")]
    // Dates and date-times, wherever they are read: the format and an example.
    [InlineData("POST", "forums", """{"startDate": "11.06.2027"}""", "startDate", "YYYY-MM-DD && e.g. 2027-05-20")]
    [InlineData("POST", "forums", """{"startDate": 20270611}""", "startDate", "YYYY-MM-DD && e.g. 2027-05-20")]
    [InlineData("POST", "forums", """{"endDate": "1999-12-31"}""", "endDate", "2000 to 2100 && YYYY-MM-DD && e.g. 2027-05-20")]
    [InlineData("POST", "forums/{forumId}/sessions", """{"startsAt": "2027-06-11 10:00", "endsAt": "2027-06-11T11:00:00+05:00"}""", "startsAt", "RFC 3339 && e.g. 2027-05-20T10:00:00+05:00")]
    [InlineData("POST", "forums/{forumId}/sessions", """{"startsAt": "2027-06-11T10:00:00+05:00", "endsAt": 1781157600}""", "endsAt", "RFC 3339 && e.g. 2027-05-20T10:00:00+05:00")]
    [InlineData("POST", "tokens", """{"expiresAt": "2101-01-01T00:00:00Z"}""", "expiresAt", "2000 to 2100 && e.g. 2027-05-20T10:00:00+05:00")]
    [InlineData("GET", "forums/{forumId}/sessions?day=11.06.2027", null, "day", "YYYY-MM-DD && e.g. 2027-05-20")]
    [InlineData("GET", "forums/{forumId}/sessions?day=2027-02-30", null, "day", "YYYY-MM-DD && e.g. 2027-05-20")]
    // A language map is an object keyed by BCP 47 tags; each value is the text, a string.
    [InlineData("POST", "forums/{forumId}/delegations", """{"name": "Korea"}""", "name", "an object keyed by BCP 47 language tags && e.g. {\"kk\": ")]
    [InlineData("POST", "forums/{forumId}/delegations", """{"name": ["Korea"]}""", "name", "an object keyed by BCP 47 language tags && e.g. {\"kk\": ")]
    [InlineData("PUT", "forums/{forumId}", """{"title": {"en": 5}}""", "title.en", "a string && e.g. {\"kk\": ")]
    public async Task A_refused_value_says_what_would_be_accepted(string method, string template, string? changes, string field, string expected)
    {
        var (_, message) = await RefusedAsync(method, template, changes, field);

        AssertSays(message, expected);
    }

    [Theory]
    [InlineData("POST", "forums/{forumId}/sessions", """{"interpretationLanguage": ["en"]}""", "interpretationLanguage", "Unknown member && did you mean 'interpretationLanguages'?")]
    [InlineData("POST", "forums/{forumId}/delegates", """{"needs": {"dieet": "halal"}}""", "needs.dieet", "Unknown member && did you mean 'diet'?")]
    [InlineData("POST", "forums", """{"colour": "blue"}""", "colour", "Unknown member && slug, title")]
    [InlineData("POST", "forums/{forumId}/delegations", """{"forumId": "019ac7e1-5f00-7000-8000-000000000001"}""", "forumId", "URL")]
    [InlineData("PUT", "forums/{forumId}/speakers/{speakerId}", """{"ifMatch": "\"1\""}""", "ifMatch", "If-Match header")]
    [InlineData("POST", "forums/{forumId}/publish", """{"ifMatch": "\"1\""}""", "ifMatch", "If-Match header")]
    [InlineData("GET", "forums/{forumId}/delegates", """{"limit": 1}""", "limit", "query parameter")]
    [InlineData("POST", "forums/{forumId}/delegations", """{"id": "019ac7e1-5f00-7000-8000-000000000001"}""", "id", "Read-only")]
    [InlineData("POST", "forums/{forumId}/speakers", """{"createdAt": "2027-01-01T00:00:00Z"}""", "createdAt", "Read-only")]
    public async Task An_unknown_member_of_a_body_is_400_naming_it_at_any_depth(string method, string template, string changes, string field, string expected)
    {
        var (_, message) = await RefusedAsync(method, template, changes, field);

        AssertSays(message, expected);
    }

    [Fact]
    public async Task A_body_sent_back_as_it_was_read_is_refused_naming_every_read_only_member_at_once()
    {
        var world = await WorldAsync();
        var url = $"/api/forums/{world["forumId"]}/delegates/{world["delegateId"]}";
        var read = await admin.GetAsync(url);
        var body = await read.ShouldBeAsync(HttpStatusCode.OK);
        var readOnly = body.Select(p => p.Key).Except(new DelegateBuilder().Build().Select(p => p.Key)).ToArray();

        var response = await admin.PutJsonAsync(url, body, ("If-Match", read.ETag()));

        var problem = await response.ShouldBeInvalidAsync(readOnly);
        Assert.Contains("id", readOnly);
        Assert.Contains("status", readOnly);
        // forumId is in the URL; the others are the server's.
        Assert.All(readOnly, member => Assert.Matches(member == "forumId" ? "taken from the URL" : "Read-only", (string)problem["errors"]![member]![0]!));
        Assert.Equal(body["name"]!.ToJsonString(), (await admin.GetDelegateExpectingOkAsync(world["forumId"], world["delegateId"]))["name"]!.ToJsonString());
    }

    [Fact]
    public async Task A_language_given_twice_in_a_map_is_named()
    {
        var url = await UrlAsync("forums/{forumId}/speakers");
        var body = new SpeakerBuilder().Build().ToJsonString().Replace("\"position\":{\"en\":\"Mayor\"}", "\"position\":{\"en\":\"Mayor\",\"en\":\"Akim\"}");
        Assert.Contains("Akim", body);

        var response = await admin.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.ShouldBeInvalidAsync("position.en");
        AssertSays((string)problem["errors"]!["position.en"]![0]!, "once");
    }

    [Fact]
    public async Task Every_unknown_and_misshapen_member_is_named_in_one_answer()
    {
        var url = await UrlAsync("forums/{forumId}/sessions");
        var body = Body("POST", "forums/{forumId}/sessions", """{"interpretationLanguage": ["en"], "kind": "talk", "titel": {"en": "x"}, "description": "Opening"}""");

        var response = await admin.PostJsonAsync(url, body);

        await response.ShouldBeInvalidAsync("interpretationLanguage", "kind", "titel", "description");
    }

    [Theory]
    // Tags are checked against the IANA Language Subtag Registry, with a suggestion for what was probably meant.
    [InlineData("POST", "forums", """{"languages": ["kk", "kz"]}""", "languages[1]", "'kz' && did you mean 'kk' (Kazakh)?")]
    [InlineData("POST", "forums", """{"languages": ["korean"]}""", "languages[0]", "'korean' && did you mean 'ko' (Korean)?")]
    [InlineData("POST", "forums", """{"title": {"kz": "Форум", "en": "Forum"}}""", "title", "'kz' && did you mean 'kk' (Kazakh)?")]
    [InlineData("POST", "forums/{forumId}/sessions", """{"interpretationLanguages": ["russian"]}""", "interpretationLanguages[0]", "did you mean 'ru' (Russian)?")]
    [InlineData("POST", "forums/{forumId}/delegates", """{"languages": ["jp"]}""", "languages[0]", "did you mean 'ja' (Japanese)?")]
    [InlineData("POST", "forums/{forumId}/speakers", """{"biography": {"cn": "传记"}}""", "biography", "did you mean 'zh' (Chinese)?")]
    [InlineData("POST", "forums/{forumId}/delegations", """{"name": {"en-UK": "Delegation"}}""", "name", "did you mean 'en-GB'")]
    [InlineData("GET", "forums/{forumId}/agenda?lang=kz", null, "lang", "did you mean 'kk' (Kazakh)?")]
    [InlineData("GET", "forums/{forumId}/programme.ics?lang=korean", null, "lang", "did you mean 'ko' (Korean)?")]
    [InlineData("GET", "forums/{forumId}/schedule.json?lang=ua", null, "lang", "did you mean 'uk' (Ukrainian)?")]
    [InlineData("GET", "forums/{forumId}/sessions?language=korean", null, "language", "did you mean 'ko' (Korean)?")]
    public async Task A_language_tag_the_registry_does_not_have_is_400_with_a_suggestion(string method, string template, string? changes, string field, string expected)
    {
        var (_, message) = await RefusedAsync(method, template, changes, field);

        AssertSays(message, expected);
    }

    [Fact]
    public async Task A_csv_import_refuses_an_unregistered_language_with_a_suggestion()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var file = CsvFiles.File(1, i => CsvFiles.Row(i).Replace(",kk ru,", ",kz ru,"));

        var problem = await (await admin.ImportAsync(forum, file)).ShouldBeInvalidAsync("line 2: languages");

        AssertSays((string)problem["errors"]!["line 2: languages"]![0]!, "did you mean 'kk' (Kazakh)?");
    }

    [Fact]
    public async Task A_csv_import_column_of_an_unregistered_language_is_refused_with_a_suggestion()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var file = CsvFiles.File(1).Replace("position.kk,", "position.kz,");

        var problem = await (await admin.ImportAsync(forum, file)).ShouldBeInvalidAsync("line 2: position.*");

        AssertSays((string)problem["errors"]!["line 2: position.*"]![0]!, "'kz' && did you mean 'kk' (Kazakh)?");
    }

    [Fact]
    public async Task Registered_tags_of_every_kind_are_accepted()
    {
        var tags = new JsonArray("kk", "kk-KZ", "uz-Cyrl", "uz-Latn-UZ", "zh-Hant-TW", "es-419", "sr-Latn", "ko", "ru", "en-GB", "und", "qaa", "x-forum",
            "de-CH-1996", "en-US-u-ca-gregory");

        var created = await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("languages", tags));

        Assert.Equal(tags.Count, created["languages"]!.AsArray().Count);
    }

    [Theory]
    // Every filter of every list: a value that is not one of its kind is a 400 naming it, never an empty page.
    [InlineData("forums?status=open", "status")]
    [InlineData("forums?country=Kazakhstan", "country")]
    [InlineData("forums?q=%01", "q")]
    [InlineData("forums?limit=0", "limit")]
    [InlineData("forums?cursor=abc", "cursor")]
    [InlineData("forums/{forumId}/delegates?status=registered", "status")]
    [InlineData("forums/{forumId}/delegates?delegationId=korea", "delegationId")]
    [InlineData("forums/{forumId}/delegates?country=Korea", "country")]
    [InlineData("forums/{forumId}/delegates?q=%E2%80%AE", "q")]
    [InlineData("forums/{forumId}/delegates?limit=1000", "limit")]
    [InlineData("forums/{forumId}/delegates?cursor=abc", "cursor")]
    [InlineData("forums/{forumId}/delegates/export?status=all", "status")]
    [InlineData("forums/{forumId}/delegates/export?delegationId=1", "delegationId")]
    [InlineData("forums/{forumId}/delegates/export?country=KOR", "country")]
    [InlineData("forums/{forumId}/delegates/export?q=%01", "q")]
    [InlineData("forums/{forumId}/delegations?kind=nation", "kind")]
    [InlineData("forums/{forumId}/delegations?country=Korea", "country")]
    [InlineData("forums/{forumId}/delegations?q=%01", "q")]
    [InlineData("forums/{forumId}/delegations?limit=-1", "limit")]
    [InlineData("forums/{forumId}/delegations?cursor=abc", "cursor")]
    [InlineData("forums/{forumId}/sessions?day=11.06.2027", "day")]
    [InlineData("forums/{forumId}/sessions?room=%01", "room")]
    [InlineData("forums/{forumId}/sessions?kind=talk", "kind")]
    [InlineData("forums/{forumId}/sessions?speakerId=1", "speakerId")]
    [InlineData("forums/{forumId}/sessions?language=korean", "language")]
    [InlineData("forums/{forumId}/sessions?language=kz", "language")]
    [InlineData("forums/{forumId}/sessions?limit=lots", "limit")]
    [InlineData("forums/{forumId}/sessions?cursor=abc", "cursor")]
    [InlineData("forums/{forumId}/speakers?q=%01", "q")]
    [InlineData("forums/{forumId}/speakers?limit=0", "limit")]
    [InlineData("forums/{forumId}/speakers?cursor=abc", "cursor")]
    [InlineData("tokens?role=boss", "role")]
    [InlineData("tokens?forumId=central-asia", "forumId")]
    [InlineData("tokens?limit=0", "limit")]
    [InlineData("tokens?cursor=abc", "cursor")]
    [InlineData("forums/{forumId}/agenda?lang=korean", "lang")]
    [InlineData("forums/{forumId}/programme.ics?lang=kz", "lang")]
    [InlineData("forums/{forumId}/schedule.json?lang=kz", "lang")]
    public async Task A_malformed_filter_value_is_400_naming_it_not_an_empty_list(string template, string parameter)
    {
        var response = await admin.GetAsync(await UrlAsync(template));

        await response.ShouldBeInvalidAsync(parameter);
    }

    [Fact]
    public async Task An_unknown_query_parameter_is_400_naming_it_on_every_operation()
    {
        var world = await WorldAsync();
        var missed = new List<string>();
        foreach (var operation in await OperationWalk.OperationsAsync(admin))
        {
            using var request = OperationWalk.Request(operation, world);
            request.RequestUri = new Uri(request.RequestUri!.OriginalString + "?delegationIds=" + world["delegationId"], UriKind.Relative);
            var response = await admin.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || JsonNode.Parse(text)?["errors"]?["delegationIds"] is null)
                missed.Add($"{operation.Method} {operation.Path}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 200)]}");
        }

        Assert.True(missed.Count == 0, string.Join("\n", missed));
    }

    [Fact]
    public async Task Every_request_schema_refuses_members_it_does_not_list()
    {
        var document = await (await admin.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);
        var schemas = document["components"]!["schemas"]!.AsObject();
        var requestSchemas = schemas.Where(s => s.Key.EndsWith("Request", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(requestSchemas);
        Assert.All(requestSchemas, s => Assert.True(s.Value!["additionalProperties"] is JsonValue v && !(bool)v,
            $"{s.Key}: additionalProperties is {s.Value!["additionalProperties"]?.ToJsonString() ?? "absent"}"));
        Assert.Equal("string", (string)schemas["LanguageMap"]!["additionalProperties"]!["type"]!);
    }

    [Fact]
    public async Task Messages_repeat_only_a_short_part_of_what_was_sent()
    {
        var long_ = new string('k', 5_000);
        var url = await UrlAsync("forums/{forumId}/sessions");
        var body = Body("POST", "forums/{forumId}/sessions", $$"""{"kind": "{{long_}}", "{{long_}}": 1, "languages": ["{{long_[..60]}}x"]}""");

        var response = await admin.PostJsonAsync(url, body);

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(new string('k', 101), text);
    }
}
