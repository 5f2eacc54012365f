using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.OpenApi;

/// <summary>
/// Bodies built from the OpenAPI document alone, as a generated form would build them: for every operation that takes
/// a JSON body, the body of only its required fields (each its first allowed value, its example or its type's
/// plainest value) succeeds, and the same body without any one required field is a 400 that names that field. A field
/// the API needs but the schema calls optional, or one the schema requires but the API does not, fails here.
/// </summary>
public sealed class GeneratedBodyTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private static readonly JsonObject Document = JsonNode.Parse(File.ReadAllText(CommittedDocument()))!.AsObject();

    public static TheoryData<string> OperationsWithJsonBodies => [.. Operations().Select(o => o.Id)];

    [Theory]
    [MemberData(nameof(OperationsWithJsonBodies))]
    public async Task The_body_of_the_required_fields_succeeds_and_each_one_left_out_is_named_in_a_400(string operationId)
    {
        var admin = api.CreateAdminClient();
        var world = await OperationWalk.PublishedWorldAsync(admin);
        world["accreditationCode"] = (string)(await admin.GetDelegateExpectingOkAsync(world["forumId"], world["delegateId"]))["accreditationCode"]!;
        var (_, method, path, schema) = Operations().Single(o => o.Id == operationId);
        var url = world.Aggregate(path, (p, id) => p.Replace($"{{{id.Key}}}", id.Value));
        var required = (schema["required"]?.AsArray() ?? []).Select(r => (string)r!).ToList();

        foreach (var left in required)
        {
            var partial = Minimal(schema, world);
            partial.Remove(left);
            await (await admin.SendJsonAsync(method, url, partial)).ShouldBeInvalidAmongAsync(left);
        }
        var response = await admin.SendJsonAsync(method, url, Minimal(schema, world));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{operationId} with {Minimal(schema, world).ToJsonString()}: {(int)response.StatusCode} {text}");
    }

    internal static IEnumerable<(string Id, HttpMethod Method, string Path, JsonObject Schema)> Operations() =>
        from path in Document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        let body = operation.Value!["requestBody"]?["content"]?["application/json"]?["schema"]
        where body is not null
        select ((string)operation.Value!["operationId"]!, new HttpMethod(operation.Key.ToUpperInvariant()), path.Key, Resolve(body));

    /// <summary>The object of only the required fields.</summary>
    internal static JsonObject Minimal(JsonObject schema, IReadOnlyDictionary<string, string> world)
    {
        var body = new JsonObject();
        foreach (var name in (schema["required"]?.AsArray() ?? []).Select(r => (string)r!))
            body[name] = Value(Resolve(schema["properties"]![name]!), name, world);
        return body;
    }

    private static JsonNode? Value(JsonObject schema, string name, IReadOnlyDictionary<string, string> world)
    {
        var unique = Guid.NewGuid().ToString("N")[..10];
        if (name == "slug")
            return $"generated-{unique}";
        if (name == "email")
            return $"generated-{unique}@example.kz";
        if (world.TryGetValue(name, out var known))
            return known;
        // An enumeration's first value, not its example: an organiser token (TokenRole's example) needs forums, which
        // only its description can say (OpenAPI 3.0 has no "required when"), and the body here is the plainest one.
        if (schema["enum"] is JsonArray values)
            return values[0]!.DeepClone();
        if (schema["example"] is { } example)
            return example.DeepClone();
        return (string?)schema["type"] switch
        {
            "string" when (string?)schema["format"] == "date" => "2027-05-20",
            "string" when (string?)schema["format"] == "date-time" => "2027-05-20T10:00:00+05:00",
            "string" when (string?)schema["format"] == "uuid" => Guid.NewGuid().ToString(),
            "string" => "Generated text",
            "integer" or "number" => (int?)(decimal?)schema["minimum"] ?? 1,
            "boolean" => false,
            "array" => new JsonArray(),
            "object" when schema["additionalProperties"] is JsonObject => new JsonObject { ["en"] = "Generated text" },
            "object" => Minimal(schema, world),
            _ => throw new InvalidOperationException($"No value for {name}: {schema.ToJsonString()}"),
        };
    }

    /// <summary>The schema itself: a reference followed, a lone allOf unwrapped (with the wrapper's own keywords kept).</summary>
    private static JsonObject Resolve(JsonNode schema)
    {
        var node = schema.AsObject();
        if ((string?)node["$ref"] is { } reference)
            return Resolve(Document["components"]!["schemas"]![reference.Split('/')[^1]]!);
        if (node["allOf"] is JsonArray { Count: 1 } all)
        {
            var resolved = (JsonObject)Resolve(all[0]!).DeepClone();
            foreach (var (key, value) in node.Where(p => p.Key != "allOf"))
                resolved[key] = value?.DeepClone();
            return resolved;
        }
        return node;
    }

    private static string CommittedDocument([CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "forum-api.v1.json");
}
