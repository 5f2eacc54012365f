using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.OpenApi;

public sealed partial class OpenApiDocumentTests(SeededForumsApiFactory api) : IClassFixture<SeededForumsApiFactory>
{
    private static readonly string[] Verbs = ["get", "post", "put", "patch", "delete"];

    [GeneratedRegex("^[a-z][a-zA-Z]+$")]
    private static partial Regex CamelCase();

    private async Task<JsonObject> Document() =>
        await (await api.CreateAdminClient().GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);

    private static IEnumerable<(string Path, string Verb, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from op in path.Value!.AsObject()
        where Verbs.Contains(op.Key)
        select (path.Key, op.Key, op.Value!.AsObject());

    [Fact]
    public async Task Every_operation_has_a_camel_case_id_a_tag_and_a_summary()
    {
        var operations = Operations(await Document()).ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.Matches(CamelCase(), (string)o.Operation["operationId"]!);
            Assert.NotEmpty(o.Operation["tags"]!.AsArray());
            Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["summary"]), $"{o.Verb} {o.Path} has no summary");
        });
        Assert.Equal(operations.Count, operations.Select(o => (string)o.Operation["operationId"]!).Distinct().Count());
    }

    [Fact]
    public async Task Every_tag_an_operation_carries_is_listed_once_with_its_description()
    {
        var document = await Document();

        var listed = document["tags"]!.AsArray().Select(t => t!.AsObject()).ToList();
        var used = Operations(document).SelectMany(o => o.Operation["tags"]!.AsArray().Select(t => (string)t!)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(used, listed.Select(t => (string)t["name"]!).Order(StringComparer.Ordinal));
        // In the order of an organiser's work, which is the order documentation tools show them in.
        Assert.Equal(["Forums", "Delegations", "Delegates", "Speakers", "Sessions", "Programme", "CheckIns", "Tokens", "Health", "ProblemTypes"],
            listed.Select(t => (string)t["name"]!));
        Assert.All(listed, t => Assert.False(string.IsNullOrWhiteSpace((string?)t["description"]), $"the tag {t["name"]} has no description"));
    }

    [Fact]
    public async Task Reads_and_deletes_have_no_body_and_every_path_parameter_is_declared()
    {
        foreach (var (path, verb, operation) in Operations(await Document()))
        {
            if (verb is "get" or "delete")
                Assert.Null(operation["requestBody"]);
            var declared = (operation["parameters"]?.AsArray() ?? [])
                .Where(p => (string)p!["in"]! == "path").Select(p => (string)p!["name"]!).ToHashSet();
            foreach (Match name in Regex.Matches(path, @"\{([^}]+)\}"))
                Assert.Contains(name.Groups[1].Value, declared);
        }
    }

    // Generated clients take parameters in the document's order (NSwag: PatchDelegateAsync(forumId, delegateId, ifMatch,
    // body)); two ids of one type in another order than the URL's would compile swapped.
    [Fact]
    public async Task Path_parameters_come_first_in_the_order_of_the_path()
    {
        foreach (var (path, verb, operation) in Operations(await Document()))
        {
            var route = Regex.Matches(path, @"\{([^}]+)\}").Select(m => m.Groups[1].Value).ToList();
            var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => ((string)p!["name"]!, (string)p["in"]!)).ToList();
            Assert.True(route.SequenceEqual(parameters.Take(route.Count).Select(p => p.Item1))
                        && parameters.Skip(route.Count).All(p => p.Item2 != "path"),
                $"{verb} {path}: {string.Join(", ", parameters.Select(p => $"{p.Item1} ({p.Item2})"))}");
        }
    }

    [Fact]
    public async Task Every_error_answer_is_described_as_problem_details()
    {
        foreach (var (path, verb, operation) in Operations(await Document()))
        {
            var errors = operation["responses"]!.AsObject().Where(r => r.Key[0] is '4' or '5').ToList();
            Assert.True(errors.Count > 0, $"{verb} {path} declares no error answer");
            foreach (var (status, response) in errors)
            {
                var schema = (string)response!["content"]!["application/problem+json"]!["schema"]!["$ref"]!;
                Assert.Equal(status == "400" ? "#/components/schemas/ValidationProblem" : "#/components/schemas/ProblemDetails", schema);
            }
        }
    }

    [Fact]
    public async Task The_main_operations_are_there_with_their_parameters()
    {
        var document = await Document();
        var byId = Operations(document).ToDictionary(o => (string)o.Operation["operationId"]!);

        Assert.Equal(
            new[] { "archiveForum", "cancelDelegate", "confirmDelegate", "createDelegation", "createForum", "createToken", "deleteDelegation",
             "deleteForum", "getDelegate", "getDelegation", "getForum", "getForumBySlug", "getToken", "listDelegates", "listDelegations",
             "listForums", "listTokens", "publishForum", "registerDelegate", "reinstateDelegate", "revokeToken", "updateDelegate",
             "updateDelegation", "updateForum", "createSpeaker", "listSpeakers", "getSpeaker", "getSpeakerRecord", "updateSpeaker", "deleteSpeaker",
             "createSession", "listSessions", "getSession", "updateSession", "deleteSession", "assignSpeaker", "removeSpeaker",
             "getAgenda", "exportCalendar", "exportSchedule", "importDelegates", "exportDelegates", "getBadge", "getBadgeQrCode",
             "checkInDelegate", "getCheckInSummary", "getLiveness", "getPlaces", "getReadiness", "listProblemTypes", "getProblemType",
             "patchForum", "patchDelegation", "patchDelegate", "patchSpeaker", "patchSession" }.Order(),
            byId.Keys.Order());
        Assert.Equal(["country", "cursor", "limit", "q", "status"], ParameterNames(byId["listForums"].Operation, "query"));
        Assert.Equal(["Idempotency-Key"], ParameterNames(byId["createForum"].Operation, "header"));
        Assert.Equal(["If-Match"], ParameterNames(byId["updateForum"].Operation, "header"));
        Assert.Equal(["If-Match"], ParameterNames(byId["patchForum"].Operation, "header"));
        Assert.Equal(["If-None-Match"], ParameterNames(byId["getForum"].Operation, "header"));
        Assert.NotNull(byId["createForum"].Operation["responses"]!["201"]!["headers"]!["Location"]);
        Assert.NotNull(byId["getForum"].Operation["responses"]!["200"]!["headers"]!["ETag"]);
    }

    [Fact]
    public async Task Schemas_say_what_is_required_and_what_may_be_null()
    {
        var schemas = (await Document())["components"]!["schemas"]!.AsObject();
        var forum = schemas["Forum"]!.AsObject();
        var create = schemas["CreateForumRequest"]!.AsObject();
        var update = schemas["UpdateForumRequest"]!.AsObject();

        Assert.Equal(forum["properties"]!.AsObject().Select(p => p.Key).Order(), forum["required"]!.AsArray().Select(r => (string)r!).Order());
        Assert.True((bool?)forum["properties"]!["capacity"]!["nullable"]);
        Assert.Null(forum["properties"]!["slug"]!["nullable"]);
        Assert.Equal(["city", "country", "slug", "timeZone", "title"], create["required"]!.AsArray().Select(r => (string)r!).Order());
        Assert.Null(update["properties"]!["forumId"]);
        Assert.Null(update["properties"]!["ifMatch"]);
        Assert.False((bool)update["additionalProperties"]!);
        Assert.Equal("central-asia-korea-ii", (string)forum["example"]!["slug"]!);
    }

    [Fact]
    public async Task Every_body_that_is_not_json_is_a_binary_file_both_ways()
    {
        // But for the pages of the problem types, which are read, not saved (text/html).
        var files = new List<string>();
        foreach (var (path, verb, operation) in Operations(await Document()))
        {
            var contents = (operation["responses"]!.AsObject().Select(r => r.Value!["content"]?.AsObject()))
                .Append(operation["requestBody"]?["content"]?.AsObject())
                .SelectMany(c => c ?? []).Where(c => !c.Key.Contains("json") && c.Key != "text/html");
            foreach (var (mediaType, content) in contents)
            {
                files.Add($"{verb} {path} {mediaType}");
                Assert.Equal("string", (string?)content!["schema"]!["type"]);
                Assert.True("binary" == (string?)content["schema"]!["format"], $"{verb} {path} {mediaType}: {content["schema"]}");
            }
        }
        Assert.Equal(["get /api/forums/{forumId}/delegates/{delegateId}/badge/qr.png image/png", "get /api/forums/{forumId}/delegates/export text/csv",
            "get /api/forums/{forumId}/programme.ics text/calendar", "post /api/forums/{forumId}/delegates/import text/csv"], files.Order());
    }

    /// <summary>
    /// The document is a contract: a change to it must be deliberate and reviewed. It is read from a host this test starts,
    /// so that the endpoints' <c>Configure()</c> runs inside it: mutation testing (per-test coverage) credits code run at a
    /// host's start to the test that started it, and this is the test that sees every summary, description and status.
    /// </summary>
    [Fact]
    public async Task The_document_matches_the_committed_contract()
    {
        await using var own = new SeededForumsApiFactory();
        var document = await (await own.CreateAdminClient().GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);
        var actual = document.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        var committed = Path.Combine(SourceFolder(), "OpenApi", "forum-api.v1.json");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_CONTRACT") == "1")
            await File.WriteAllTextAsync(committed, actual);

        Assert.True(File.Exists(committed), $"No committed contract at {committed}; run the tests once with UPDATE_OPENAPI_CONTRACT=1.");
        var expected = await File.ReadAllTextAsync(committed);
        if (expected != actual)
        {
            await File.WriteAllTextAsync(committed + ".actual", actual);
            Assert.Fail($"The OpenAPI document changed. Compare {committed}.actual with it; if the change is meant, run the tests with UPDATE_OPENAPI_CONTRACT=1 and commit the file.");
        }
    }

    private static string[] ParameterNames(JsonObject operation, string location) =>
        operation["parameters"]!.AsArray().Where(p => (string)p!["in"]! == location).Select(p => (string)p!["name"]!).Order().ToArray();

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(file))!;
}
