using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;
using NJsonSchema;
using NSwag;

namespace Forums.Api.Tests.OpenApi;

/// <summary>
/// The document's examples (OpenApi/DocumentExamples.cs, examples.json) are there, are valid, and work: every schema,
/// parameter and operation has one, each is valid under its own schema, and every operation sent as its examples
/// describe it, to the seed forum, answers its documented success, as Dredd would send it.
/// </summary>
public sealed class OpenApiExampleTests
{
    private static readonly JsonObject Document = JsonNode.Parse(File.ReadAllText(CommittedDocument()))!.AsObject();
    private static readonly Lazy<OpenApiDocument> Parsed = new(() =>
        OpenApiDocument.FromJsonAsync(Document.ToJsonString(), null, SchemaType.OpenApi3).GetAwaiter().GetResult());

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations() =>
        from path in Document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (path.Key, operation.Key, operation.Value!.AsObject());

    [Fact]
    public void Every_schema_parameter_body_and_success_answer_has_an_example()
    {
        var missing = Document["components"]!["schemas"]!.AsObject().Where(s => s.Value!["example"] is null).Select(s => $"schema {s.Key}").ToList();
        foreach (var (path, method, operation) in Operations())
        {
            var id = (string)operation["operationId"]!;
            missing.AddRange((operation["parameters"]?.AsArray() ?? []).Where(p => p!["example"] is null).Select(p => $"{id} parameter {p!["name"]}"));
            missing.AddRange((operation["requestBody"]?["content"]?.AsObject() ?? []).Where(c => c.Value!["example"] is null).Select(c => $"{id} body {c.Key}"));
            missing.AddRange(
                from answer in operation["responses"]!.AsObject()
                where answer.Key.StartsWith('2')
                from content in answer.Value!["content"]?.AsObject() ?? []
                // A PNG is bytes: no JSON document can hold an example of it.
                where content.Value!["example"] is null && content.Key != "image/png"
                select $"{id} {answer.Key} {content.Key}");
        }
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_example_is_valid_under_its_own_schema()
    {
        var document = Parsed.Value;
        var errors = new List<string>();
        void Check(string where, JsonSchema? schema, JsonNode? example)
        {
            if (schema is null || example is null)
                return;
            errors.AddRange(schema.ActualSchema.Validate(example.ToJsonString(), SchemaType.OpenApi3).Select(e => $"{where}: {e.Path} {e.Kind}"));
        }

        foreach (var (name, schema) in document.Components.Schemas)
            Check($"schema {name}", schema, Document["components"]!["schemas"]![name]!["example"]);
        foreach (var (path, item) in document.Paths)
        foreach (var (method, operation) in item)
        {
            var raw = Document["paths"]![path]![method]!;
            foreach (var parameter in operation.Parameters.Where(p => p.Kind != OpenApiParameterKind.Body))
                Check($"{operation.OperationId} parameter {parameter.Name}", parameter.Schema,
                    raw["parameters"]!.AsArray().Single(p => (string)p!["name"]! == parameter.Name)!["example"]);
            foreach (var (type, media) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
                if (type.Contains("json"))
                    Check($"{operation.OperationId} body", media.Schema, raw["requestBody"]!["content"]![type]!["example"]);
            foreach (var (status, answer) in operation.Responses.Where(r => r.Key.StartsWith('2')))
            foreach (var (type, media) in answer.Content.Where(c => c.Key.Contains("json")))
                Check($"{operation.OperationId} {status}", media.Schema, raw["responses"]![status]!["content"]![type]!["example"]);
        }
        Assert.Empty(errors);
    }

    public static TheoryData<string> OperationIds => [.. Operations().Select(o => (string)o.Operation["operationId"]!)];

    /// <summary>
    /// The operation's path and query filled with its parameters' examples (every filter and a list's cursor), its body the
    /// body's example, its answer the documented success (a create may also answer 200 when the document says so).
    /// What Dredd's hooks would do is done here: the seed forum is first given the dates, the slot and the token the
    /// examples show (the seed states none), a badge code is the seeded delegate's own (drawn at random), and an
    /// operation that needs a state the seed is not in gets it first (<see cref="PrepareAsync"/>).
    /// </summary>
    [Theory]
    [MemberData(nameof(OperationIds))]
    public async Task Every_operation_sent_as_its_examples_show_answers_its_documented_success(string operationId)
    {
        var (path, method, operation) = Operations().Single(o => (string)o.Operation["operationId"]! == operationId);
        using var api = new ForumsApiFactory(null, seed: !OnADraftOfTheExample.Contains(operationId));
        var admin = api.CreateAdminClient();
        var parameters = (operation["parameters"]?.AsArray() ?? []).Select(p => p!.AsObject()).ToList();
        var values = parameters.ToDictionary(p => (string)p["name"]!, p => Text(p["example"]!));
        await PrepareAsync(operationId, admin, values);

        var url = parameters.Where(p => (string)p["in"]! == "path")
            .Aggregate(path, (url, p) => url.Replace($"{{{p["name"]}}}", Uri.EscapeDataString(values[(string)p["name"]!])));
        var query = parameters.Where(p => (string)p["in"]! == "query")
            .Select(p => $"{p["name"]}={Uri.EscapeDataString(values[(string)p["name"]!])}").ToList();
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), query.Count > 0 ? $"{url}?{string.Join('&', query)}" : url);
        if (operation["requestBody"]?["content"]?.AsObject().First() is { } content)
        {
            var example = content.Value!["example"]!;
            var body = example is JsonValue text && text.TryGetValue<string>(out var plain) ? plain : example.ToJsonString();
            body = body.Replace(ExampleCode, values.GetValueOrDefault(nameof(ExampleCode), ExampleCode));
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(content.Key);
        }

        var response = await admin.SendAsync(request);

        var successes = operation["responses"]!.AsObject().Select(r => r.Key).Where(s => s.StartsWith('2')).ToList();
        Assert.True(successes.Contains(((int)response.StatusCode).ToString()),
            $"{operationId} {request.Method} {request.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private const string ExampleCode = "K7QM-3XZP-9R2T-H4WD";

    // The seed forum is published: creating it again, publishing it or deleting it is tried on an API without it.
    private static readonly string[] OnADraftOfTheExample = ["createForum", "publishForum", "deleteForum"];

    private static readonly JsonNode Schemas = Document["components"]!["schemas"]!;

    private static async Task PrepareAsync(string operationId, HttpClient admin, Dictionary<string, string> values)
    {
        if (OnADraftOfTheExample.Contains(operationId))
        {
            if (operationId != "createForum")
                values["forumId"] = (string)(await (await admin.PostJsonAsync("/api/forums", Schemas["CreateForumRequest"]!["example"]!.DeepClone()))
                    .ShouldBeAsync(HttpStatusCode.Created))["id"]!;
            return;
        }
        await GiveTheSeedForumWhatTheExamplesShowAsync(admin, values);
        var forumUrl = $"/api/forums/{Schemas["Forum"]!["example"]!["id"]}";
        switch (operationId)
        {
            case "confirmDelegate": // a registration waiting for approval
                await (await admin.PatchJsonAsync(forumUrl, new JsonObject { ["requiresApproval"] = true })).ShouldBeAsync(HttpStatusCode.OK);
                values["delegateId"] = (string)(await (await admin.PostJsonAsync($"{forumUrl}/delegates", Schemas["RegisterDelegateRequest"]!["example"]!.DeepClone()))
                    .ShouldBeAsync(HttpStatusCode.Created))["id"]!;
                break;
            case "reinstateDelegate": // a cancelled registration
                await (await admin.PostAsync($"{forumUrl}/delegates/{values["delegateId"]}/cancel", null)).ShouldBeAsync(HttpStatusCode.OK);
                break;
            case "deleteSpeaker": // a speaker on no session
                foreach (var session in (await (await admin.GetAsync($"{forumUrl}/sessions?speakerId={values["speakerId"]}")).ShouldBeAsync(HttpStatusCode.OK))["items"]!.AsArray())
                    Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{forumUrl}/sessions/{session!["id"]}/speakers/{values["speakerId"]}")).StatusCode);
                break;
        }
    }

    private static async Task GiveTheSeedForumWhatTheExamplesShowAsync(HttpClient admin, Dictionary<string, string> values)
    {
        var schemas = Schemas;
        var forum = schemas["Forum"]!["example"]!;
        var session = schemas["Session"]!["example"]!;
        var forumUrl = $"/api/forums/{forum["id"]}";
        await (await admin.PatchJsonAsync(forumUrl, new JsonObject { ["startDate"] = forum["startDate"]!.DeepClone(), ["endDate"] = forum["endDate"]!.DeepClone() }))
            .ShouldBeAsync(HttpStatusCode.OK);
        await (await admin.PatchJsonAsync($"{forumUrl}/sessions/{session["id"]}", new JsonObject
        {
            ["startsAt"] = session["startsAt"]!.DeepClone(), ["endsAt"] = session["endsAt"]!.DeepClone(), ["room"] = session["room"]!.DeepClone(),
        })).ShouldBeAsync(HttpStatusCode.OK);
        var token = await (await admin.PostJsonAsync("/api/tokens", schemas["CreateTokenRequest"]!["example"]!.DeepClone())).ShouldBeAsync(HttpStatusCode.Created);
        values["tokenId"] = (string)token["id"]!;
        var badge = await (await admin.GetAsync($"{forumUrl}/delegates/{schemas["ForumDelegate"]!["example"]!["id"]}")).ShouldBeAsync(HttpStatusCode.OK);
        values[nameof(ExampleCode)] = (string)badge["accreditationCode"]!;
    }

    private static string Text(JsonNode example) => example is JsonValue value && value.TryGetValue<string>(out var text) ? text : example.ToJsonString();

    private static string CommittedDocument([CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "forum-api.v1.json");
}
