using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>
/// JSON Merge Patch (RFC 7396) on every resource that has a PUT: the patch is merged into the resource as it is now
/// and the result goes through the PUT (its validation, its rules). Each test runs on each resource; the members it
/// changes, clears and the language it removes are the resource's own.
/// </summary>
public sealed class MergePatchTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    /// <summary>A resource with a PUT: how to make one (returning its URL) and what a test changes in it.</summary>
    /// <param name="Changed">A member a partial change sets to <paramref name="ChangedTo"/>.</param>
    /// <param name="Cleared">A member that holds a value and may be null.</param>
    /// <param name="Map">A language map that holds kk and en; a patch removes kk.</param>
    private sealed record Kind(string Put, Func<HttpClient, Task<string>> CreateAsync, string Changed, JsonNode ChangedTo, string Cleared, string Map);

    private static readonly JsonObject TwoLanguages = new() { ["en"] = "In English", ["kk"] = "Қазақша" };

    private static readonly Dictionary<string, Kind> Kinds = new()
    {
        ["forum"] = new("updateForum", async admin =>
                $"/api/forums/{(await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("theme", TwoLanguages.DeepClone())
                    .With("venue", new JsonObject { ["en"] = "Congress hall" })))["id"]}",
            "capacity", 120, "venue", "theme"),
        ["delegation"] = new("updateDelegation", async admin =>
            {
                var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
                var delegation = await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder()
                    .With("name", TwoLanguages.DeepClone()).With("region", new JsonObject { ["en"] = "Shymkent" }).With("quota", 5));
                return $"/api/forums/{forum}/delegations/{delegation["id"]}";
            },
            "quota", 7, "region", "name"),
        ["delegate"] = new("updateDelegate", async admin =>
            {
                var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
                var delegate_ = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("position", TwoLanguages.DeepClone()));
                return $"/api/forums/{forum}/delegates/{delegate_["id"]}";
            },
            "phone", "+82 2 000 0000", "nameLatin", "position"),
        ["speaker"] = new("updateSpeaker", async admin =>
            {
                var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
                var delegate_ = await admin.RegisterExpectingCreatedAsync(forum);
                var speaker = await admin.CreateSpeakerExpectingCreatedAsync(forum, new SpeakerBuilder()
                    .With("position", TwoLanguages.DeepClone()).With("delegateId", (string)delegate_["id"]!));
                return $"/api/forums/{forum}/speakers/{speaker["id"]}";
            },
            "photoUrl", "https://example.org/another-photo.jpg", "biography", "position"),
        ["session"] = new("updateSession", async admin =>
            {
                var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
                var session = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder()
                    .With("title", TwoLanguages.DeepClone()).With("description", new JsonObject { ["en"] = "What it is about" })
                    .At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A"));
                return $"/api/forums/{forum}/sessions/{session["id"]}";
            },
            "room", "Hall B", "description", "title"),
    };

    public static TheoryData<string> Resources => [.. Kinds.Keys];

    /// <summary>Every member a PUT requires, by resource, from the committed document: set to null in a patch, each is a 400 naming it.</summary>
    public static TheoryData<string, string> RequiredMembers
    {
        get
        {
            var schemas = JsonNode.Parse(File.ReadAllText(CommittedDocument()))!["components"]!["schemas"]!;
            var data = new TheoryData<string, string>();
            foreach (var (name, kind) in Kinds)
                foreach (var member in schemas[PutSchema(kind.Put)]!["required"]!.AsArray())
                    data.Add(name, (string)member!);
            return data;
        }
    }

    private static string PutSchema(string operation) => char.ToUpperInvariant(operation[0]) + operation[1..] + "Request";

    private async Task<(string Url, JsonObject Before)> CreateAsync(string resource)
    {
        var url = await Kinds[resource].CreateAsync(admin);
        return (url, await ReadAsync(url));
    }

    // What an organiser reads of the resource (a speaker's record holds its delegate link).
    private async Task<JsonObject> ReadAsync(string url) =>
        await (await admin.GetAsync(url.Contains("/speakers/") ? $"{url}/record" : url)).ShouldBeAsync(HttpStatusCode.OK);

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task An_empty_patch_keeps_every_member(string resource)
    {
        var (url, before) = await CreateAsync(resource);

        var answer = await (await admin.PatchJsonAsync(url, new JsonObject())).ShouldBeAsync(HttpStatusCode.OK);

        AssertSameExcept(before, answer);
        AssertSameExcept(before, await ReadAsync(url));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_partial_change_changes_that_member_and_keeps_the_rest(string resource)
    {
        var kind = Kinds[resource];
        var (url, before) = await CreateAsync(resource);

        var answer = await (await admin.PatchJsonAsync(url, new JsonObject { [kind.Changed] = kind.ChangedTo.DeepClone() })).ShouldBeAsync(HttpStatusCode.OK);

        Assert.True(JsonNode.DeepEquals(kind.ChangedTo, answer[kind.Changed]), $"{kind.Changed}: {answer[kind.Changed]}");
        AssertSameExcept(before, answer, kind.Changed);
        AssertSameExcept(answer, await ReadAsync(url));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Null_clears_a_member_and_keeps_the_rest(string resource)
    {
        var kind = Kinds[resource];
        var (url, before) = await CreateAsync(resource);
        Assert.NotNull(before[kind.Cleared]);

        var answer = await (await admin.PatchJsonAsync(url, new JsonObject { [kind.Cleared] = null })).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Null(answer[kind.Cleared]);
        AssertSameExcept(before, answer, kind.Cleared);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task Null_for_a_language_removes_it_from_its_map_and_keeps_the_others(string resource)
    {
        var kind = Kinds[resource];
        var (url, before) = await CreateAsync(resource);

        var answer = await (await admin.PatchJsonAsync(url, new JsonObject { [kind.Map] = new JsonObject { ["kk"] = null, ["xx"] = null } }))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal("""{"en":"In English"}""", answer[kind.Map]!.ToJsonString());
        AssertSameExcept(before, answer, kind.Map);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_language_is_added_to_a_map_beside_the_others(string resource)
    {
        var kind = Kinds[resource];
        var (url, _) = await CreateAsync(resource);

        var answer = await (await admin.PatchJsonAsync(url, new JsonObject { [kind.Map] = new JsonObject { ["ru"] = "По-русски" } }))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(["en", "kk", "ru"], answer[kind.Map]!.AsObject().Select(l => l.Key).Order());
        Assert.Equal("По-русски", (string)answer[kind.Map]!["ru"]!);
    }

    [Theory]
    [MemberData(nameof(RequiredMembers))]
    public async Task A_required_member_set_to_null_is_a_400_naming_it_and_changes_nothing(string resource, string member)
    {
        var (url, before) = await CreateAsync(resource);

        await (await admin.PatchJsonAsync(url, new JsonObject { [member] = null })).ShouldBeInvalidAsync(member);

        AssertSameExcept(before, await ReadAsync(url), []);
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_stale_if_match_is_412_and_the_current_one_applies(string resource)
    {
        var kind = Kinds[resource];
        var url = await kind.CreateAsync(admin);
        var etag = (await admin.GetAsync(url)).ETag();
        var current = (await admin.PatchJsonAsync(url, new JsonObject { [kind.Cleared] = null }, ("If-Match", etag))).ETag();
        Assert.NotEqual(etag, current);

        var stale = await admin.PatchJsonAsync(url, new JsonObject { [kind.Changed] = kind.ChangedTo.DeepClone() }, ("If-Match", etag));

        var problem = await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Contains(current, (string)problem["detail"]!);
        Assert.NotEqual(kind.ChangedTo.ToJsonString(), (await ReadAsync(url))[kind.Changed]?.ToJsonString());
        var applied = await admin.PatchJsonAsync(url, new JsonObject { [kind.Changed] = kind.ChangedTo.DeepClone() }, ("If-Match", current));
        await applied.ShouldBeAsync(HttpStatusCode.OK);
        Assert.NotEqual(current, applied.ETag());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_patch_in_another_content_type_is_415_problem_details(string resource)
    {
        var kind = Kinds[resource];
        var (url, before) = await CreateAsync(resource);
        var body = new JsonObject { [kind.Changed] = kind.ChangedTo.DeepClone() }.ToJsonString();

        foreach (var type in new[] { "application/json", "text/plain", "application/json-patch+json", null })
        {
            using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = type is null ? null : new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            await (await admin.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        }
        AssertSameExcept(before, await ReadAsync(url), []);
    }

    /// <summary>Whatever the PUT does with a member it does not know (ignore it, or name it in a 400), its PATCH does the same.</summary>
    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_member_the_put_does_not_know_is_answered_as_the_put_answers_it(string resource)
    {
        var kind = Kinds[resource];
        var (url, before) = await CreateAsync(resource);
        var putBody = PutBody(resource, before);

        foreach (var unknown in new JsonNode?[] { "a value", null })
        {
            var withUnknown = (JsonObject)putBody.DeepClone();
            withUnknown["interpretationLanguage"] = unknown?.DeepClone();
            var put = await admin.PutJsonAsync(url, withUnknown);
            var patch = await admin.PatchJsonAsync(url, new JsonObject { ["interpretationLanguage"] = unknown?.DeepClone() });

            Assert.Equal(put.StatusCode, patch.StatusCode);
            if (put.StatusCode == HttpStatusCode.BadRequest)
                Assert.Equal((await put.ReadJsonAsync())["errors"]!.ToJsonString(), (await patch.ReadJsonAsync())["errors"]!.ToJsonString());
        }
        AssertSameExcept(before, await ReadAsync(url), []);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"capacity\"")]
    [InlineData("null")]
    [InlineData("{\"capacity\": 5")]
    [InlineData("")]
    public async Task A_patch_that_is_not_one_json_object_is_a_400_naming_the_body(string body)
    {
        var (url, before) = await CreateAsync("forum");
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(body, Encoding.UTF8, "application/merge-patch+json") };

        await (await admin.SendAsync(request)).ShouldBeInvalidAsync("$");

        AssertSameExcept(before, await ReadAsync(url), []);
    }

    /// <summary>A bad value in a patch is refused as the PUT refuses the whole body it makes, with the same errors.</summary>
    [Theory]
    [InlineData("""{"capacity": "many"}""")]
    [InlineData("""{"capacity": 0, "country": "XX", "title": {"kk": "\u202Eevil"}}""")]
    [InlineData("""{"title": {"kk": 5}}""")]
    [InlineData("""{"startDate": "2027-05-21", "endDate": "2027-05-20"}""")]
    [InlineData("""{"startDate": "2027-05-20T10:00:00"}""")]
    [InlineData("""{"languages": ["kz", "not a tag!"], "edition": 1e309}""")]
    [InlineData("""{"title": {"en": null, "kk": null}}""")]
    [InlineData("""{"slug": "Bad Slug", "timeZone": "Mars/Olympus"}""")]
    public async Task A_bad_value_is_refused_as_the_put_refuses_it(string patch)
    {
        var (url, before) = await CreateAsync("forum");
        var putBody = PutBody("forum", before);
        foreach (var (member, value) in JsonNode.Parse(patch)!.AsObject())
            putBody[member] = value is JsonObject map && putBody[member] is JsonObject old
                ? Merged(old, map)
                : value?.DeepClone();

        var put = await (await admin.PutJsonAsync(url, putBody)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json") };
        var answer = await (await admin.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(put["errors"]!.ToJsonString(), answer["errors"]!.ToJsonString());
        AssertSameExcept(before, await ReadAsync(url), []);

        static JsonObject Merged(JsonObject old, JsonObject map)
        {
            var merged = (JsonObject)old.DeepClone();
            foreach (var (language, text) in map)
                if (text is null)
                    merged.Remove(language);
                else
                    merged[language] = text.DeepClone();
            return merged;
        }
    }

    /// <summary>Members given twice, unknown, read-only or meant for the URL: the patch is read as the PUT body is, before anything is merged.</summary>
    [Theory]
    [InlineData("""{"capacity": 5, "capacity": 6}""")]
    [InlineData("""{"capacty": 5, "status": "published", "forumId": "x", "ifMatch": "\"1\""}""")]
    public async Task Members_a_put_would_refuse_are_refused_with_the_puts_errors(string members)
    {
        var (url, before) = await CreateAsync("forum");
        var putBody = PutBody("forum", before).ToJsonString();
        using var put = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = new StringContent(putBody[..^1] + ", " + members[1..], Encoding.UTF8, "application/json"),
        };
        using var patch = new HttpRequestMessage(HttpMethod.Patch, url) { Content = new StringContent(members, Encoding.UTF8, "application/merge-patch+json") };

        var putErrors = (await (await admin.SendAsync(put)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!;
        var patchErrors = (await (await admin.SendAsync(patch)).ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!;

        Assert.Equal(putErrors.ToJsonString(), patchErrors.ToJsonString());
        AssertSameExcept(before, await ReadAsync(url), []);
    }

    [Fact]
    public async Task An_object_merges_member_by_member_and_an_array_replaces_the_old_one()
    {
        var (url, before) = await CreateAsync("delegate");
        Assert.Equal("""{"diet":"halal","access":null,"interpretation":"kk-ko"}""", before["needs"]!.ToJsonString());

        var answer = await (await admin.PatchJsonAsync(url, new JsonObject
        {
            ["needs"] = new JsonObject { ["diet"] = null, ["access"] = "wheelchair access" },
            ["languages"] = new JsonArray("en"),
        })).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal("""{"diet":null,"access":"wheelchair access","interpretation":"kk-ko"}""", answer["needs"]!.ToJsonString());
        Assert.Equal("""["en"]""", answer["languages"]!.ToJsonString());
        AssertSameExcept(before, answer, "needs", "languages");
    }

    [Fact]
    public async Task A_session_is_unscheduled_by_clearing_both_ends_of_its_slot_and_not_by_one()
    {
        var (url, before) = await CreateAsync("session");

        await (await admin.PatchJsonAsync(url, new JsonObject { ["endsAt"] = null })).ShouldBeInvalidAsync("endsAt");
        var answer = await (await admin.PatchJsonAsync(url, new JsonObject { ["startsAt"] = null, ["endsAt"] = null, ["order"] = null }))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Null(answer["startsAt"]);
        Assert.Null(answer["endsAt"]);
        // A session without order keeps its place, as on PUT.
        Assert.Equal((int)before["order"]!, (int)answer["order"]!);
        AssertSameExcept(before, answer, "startsAt", "endsAt");
    }

    [Fact]
    public async Task A_missing_resource_or_a_forum_the_token_does_not_cover_is_404()
    {
        var (url, _) = await CreateAsync("delegate");
        var forum = url.Split('/')[3];
        var (_, otherToken) = await admin.CreateOrganiserTokenExpectingCreatedAsync(await admin.CreateForumWithCapacityExpectingCreatedAsync(null));

        await (await admin.PatchJsonAsync($"/api/forums/{forum}/delegates/{Guid.NewGuid()}", new JsonObject())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var hidden = await api.CreateClientWithToken(otherToken).PatchJsonAsync(url, new JsonObject { ["phone"] = null });
        var problem = await hidden.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(url, (string)problem["instance"]!);
    }

    [Fact]
    public async Task A_patch_with_an_idempotency_key_runs_as_without_one_as_a_put_does()
    {
        var (url, _) = await CreateAsync("forum");

        var first = await admin.PatchJsonAsync(url, new JsonObject { ["capacity"] = 50 }, ("Idempotency-Key", "patch-key"));
        var second = await admin.PatchJsonAsync(url, new JsonObject { ["capacity"] = 60 }, ("Idempotency-Key", "patch-key"));

        Assert.Equal(50, (int)(await first.ShouldBeAsync(HttpStatusCode.OK))["capacity"]!);
        Assert.Equal(60, (int)(await second.ShouldBeAsync(HttpStatusCode.OK))["capacity"]!);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
    }

    /// <summary>
    /// Without If-Match a patch still applies only to the version it was merged into: patches racing each other on
    /// different languages of one map never lose one that was answered 200, and one that lost the race is a 409, never
    /// a 412 the client did not ask for.
    /// </summary>
    [Fact]
    public async Task Racing_patches_without_if_match_lose_no_change_they_answered_200()
    {
        var (url, _) = await CreateAsync("speaker");
        string[] languages = ["kk", "ru", "ko", "uz", "ky", "tg", "tk", "de", "fr", "es", "it", "ja", "zh", "ar", "tr", "fa", "hi", "pt", "pl", "uk"];

        var answers = await Task.WhenAll(languages.Select(language =>
            admin.PatchJsonAsync(url, new JsonObject { ["biography"] = new JsonObject { [language] = $"Biography in {language}" } })));

        var statuses = answers.Select(a => a.StatusCode).ToList();
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)s}"));
        var applied = languages.Where((_, i) => statuses[i] == HttpStatusCode.OK).Append("en").Order();
        Assert.Equal(applied, (await ReadAsync(url))["biography"]!.AsObject().Select(l => l.Key).Order());
    }

    /// <summary>The PUT body of what was read: the members the PUT's schema has.</summary>
    private static JsonObject PutBody(string resource, JsonObject read)
    {
        var body = new JsonObject();
        var members = JsonNode.Parse(File.ReadAllText(CommittedDocument()))!["components"]!["schemas"]![PutSchema(Kinds[resource].Put)]!["properties"]!.AsObject();
        foreach (var (member, _) in members)
            body[member] = read[member]?.DeepClone();
        return body;
    }

    /// <summary>The two are the same resource but for the members named and the time of its last change.</summary>
    private static void AssertSameExcept(JsonObject expected, JsonObject actual, params string[] members)
    {
        var ignored = members.Append("updatedAt").ToHashSet();
        var differ = expected.Select(m => m.Key).Union(actual.Select(m => m.Key))
            .Where(m => !ignored.Contains(m) && !JsonNode.DeepEquals(expected[m], actual[m]))
            .Select(m => $"{m}: {expected[m]?.ToJsonString()} → {actual[m]?.ToJsonString()}").ToList();
        Assert.True(differ.Count == 0, string.Join("\n", differ));
    }

    private static string CommittedDocument([CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(file)!, "..", "OpenApi", "forum-api.v1.json");
}
