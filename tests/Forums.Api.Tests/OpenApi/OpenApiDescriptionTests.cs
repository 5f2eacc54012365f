using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.OpenApi;

/// <summary>
/// The document is the frontend's manual: every schema, every property that is not a bare reference, every enum value
/// and every parameter says what it is. A property that is only a $ref is described by the schema it names (OpenAPI 3.0
/// ignores a description beside a $ref).
/// </summary>
public sealed class OpenApiDescriptionTests(SeededForumsApiFactory api) : IClassFixture<SeededForumsApiFactory>
{
    private static readonly string[] Verbs = ["get", "post", "put", "patch", "delete"];

    private async Task<JsonObject> Document() =>
        await (await api.CreateAdminClient().GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);

    [Fact]
    public async Task Every_schema_and_every_property_has_a_description()
    {
        var schemas = (await Document())["components"]!["schemas"]!.AsObject();
        var missing = new List<string>();

        Assert.NotEmpty(schemas);
        foreach (var (name, schema) in schemas)
        {
            if (IsBlank(schema!["description"]))
                missing.Add(name);
            foreach (var (property, propertySchema) in schema["properties"]?.AsObject() ?? [])
                if (propertySchema!["$ref"] is null && IsBlank(propertySchema["description"]))
                    missing.Add($"{name}.{property}");
        }

        Assert.True(missing.Count == 0, $"{missing.Count} schemas and properties have no description: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Every_enum_value_is_explained_in_the_description_and_in_x_enum_descriptions()
    {
        var schemas = (await Document())["components"]!["schemas"]!.AsObject();
        var enums = schemas.Where(s => s.Value!["enum"] is not null).ToList();
        var problems = new List<string>();

        Assert.NotEmpty(enums);
        foreach (var (name, schema) in enums)
        {
            var values = schema!["enum"]!.AsArray().Select(v => (string)v!).ToList();
            var explained = schema["x-enum-descriptions"]?.AsArray().Select(d => (string?)d).ToList();
            if (explained is null || explained.Count != values.Count)
            {
                problems.Add($"{name}: x-enum-descriptions has {explained?.Count.ToString() ?? "no"} entries for {values.Count} values");
                continue;
            }
            var lines = ((string?)schema["description"] ?? "").Split('\n');
            for (var i = 0; i < values.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(explained[i]))
                    problems.Add($"{name}.{values[i]}: no description");
                else if (!lines.Contains($"- `{values[i]}`: {explained[i]}"))
                    problems.Add($"{name}.{values[i]}: the description has no line \"- `{values[i]}`: {explained[i]}\"");
            }
            // The lines follow the type's own sentence, in the order of the values.
            var listed = lines.Where(l => l.StartsWith("- `", StringComparison.Ordinal)).Select(l => l[3..l.IndexOf('`', 3)]).ToList();
            if (!listed.SequenceEqual(values))
                problems.Add($"{name}: the description lists {string.Join(", ", listed)} for the values {string.Join(", ", values)}");
            if (string.IsNullOrWhiteSpace(lines[0]) || lines[0].StartsWith("- `", StringComparison.Ordinal))
                problems.Add($"{name}: the description does not start with the type's summary");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_parameter_has_a_description()
    {
        var missing = new List<string>();
        foreach (var (path, item) in (await Document())["paths"]!.AsObject())
            foreach (var (verb, operation) in item!.AsObject().Where(o => Verbs.Contains(o.Key)))
                foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
                    if (IsBlank(parameter!["description"]))
                        missing.Add($"{verb} {path} {parameter["in"]} {parameter["name"]}");

        Assert.True(missing.Count == 0, $"{missing.Count} parameters have no description: {string.Join(", ", missing)}");
    }

    private static bool IsBlank(JsonNode? description) => string.IsNullOrWhiteSpace((string?)description);
}
