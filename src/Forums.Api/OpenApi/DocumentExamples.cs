using System.Text.Json.Nodes;
using Forums.Api.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>
/// Gives every schema, parameter and operation of the document an example, all from one file (examples.json): the
/// seed forum as the API answers for it, once given dates, a scheduled session, a token and a check-in. The file holds
/// the resources, the documents and the requests no answer shows (patches, tokens, scans); everything else is derived
/// here, so that one forum runs through the whole document:
/// a page holds its item's example; a create or replace body is its answer's example cut to the body's fields; a
/// schema used inside another (an agenda's day, a delegate's needs, an enum) takes the value its parent's example has;
/// a parameter takes its schema's example or the file's value for its operation (a list's cursor) or its name; an operation's body and success answer
/// show their schema's example, or the file's text for CSV, iCalendar and HTML.
/// OpenApiExampleTests hold every example against its schema and send every operation's examples to a seeded API.
/// </summary>
internal sealed class DocumentExamples(ProblemTypeUris problemTypes) : IDocumentFilter
{
    private static readonly Lazy<string> Text = new(() =>
    {
        using var stream = typeof(DocumentExamples).Assembly.GetManifestResourceStream("Forums.Api.OpenApi.examples.json")
            ?? throw new InvalidOperationException("examples.json is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        // The problem types' URIs as this instance answers them (Api:ProblemTypeBaseUrl).
        var file = JsonNode.Parse(Text.Value.Replace(ProblemTypeUris.DefaultBase, problemTypes.Base, StringComparison.Ordinal))!.AsObject();
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var (id, example) in file["schemas"]!.AsObject())
        {
            // A schema renamed or removed leaves its example behind: that stops the document, not silently loses it.
            if (!schemas.TryGetValue(id, out var schema) || schema is not OpenApiSchema concrete)
                throw new InvalidOperationException($"examples.json has an example for the schema '{id}', which the document does not have.");
            concrete.Examples = [example!.DeepClone()];
        }

        var operations = (document.Paths ?? []).SelectMany(p => p.Value.Operations ?? []).Select(o => o.Value).ToList();
        if (file["bodies"]!.AsObject().Concat(file["operationParameters"]!.AsObject()).Select(b => b.Key)
                .Except(operations.Select(o => o.OperationId)).FirstOrDefault() is { } unknown)
            throw new InvalidOperationException($"examples.json has examples for the operation '{unknown}', which the document does not have.");
        // Each pass fills what the last one made derivable; it stops when a pass adds nothing.
        while (DerivePages(schemas) + DeriveBodies(schemas, operations) + DeriveParts(schemas) > 0)
        {
        }
        foreach (var (_, schema) in schemas)
            if (schema is OpenApiSchema { Enum.Count: > 0 } enumeration && Example(enumeration) is null)
                enumeration.Examples = [enumeration.Enum[0]!.DeepClone()];

        foreach (var operation in operations)
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                parameter.Example ??= Example(Resolve(parameter.Schema, schemas))?.DeepClone()
                    ?? file["operationParameters"]![operation.OperationId!]?[parameter.Name!]?.DeepClone()
                    ?? file["parameters"]![parameter.Name!]?.DeepClone();
            var bodies = file["bodies"]![operation.OperationId!];
            foreach (var (type, media) in Media(operation.RequestBody?.Content))
                media.Example ??= MediaExample(type, media, bodies?["request"], schemas);
            foreach (var (status, answer) in operation.Responses ?? [])
                if (status.StartsWith('2'))
                    foreach (var (type, media) in Media(answer.Content))
                        media.Example ??= MediaExample(type, media, bodies?["response"], schemas);
        }
    }

    private static IEnumerable<(string Type, OpenApiMediaType Media)> Media(IDictionary<string, IOpenApiMediaType>? content) =>
        (content ?? new Dictionary<string, IOpenApiMediaType>())
            .Where(c => c.Value is OpenApiMediaType).Select(c => (c.Key, (OpenApiMediaType)c.Value));

    private static JsonNode? MediaExample(string type, OpenApiMediaType media, JsonNode? text, IDictionary<string, IOpenApiSchema> schemas) =>
        type.Contains("json", StringComparison.Ordinal) ? Example(Resolve(media.Schema, schemas))?.DeepClone() : text?.DeepClone();

    /// <summary>XPage: its items are X's example; there is no next page.</summary>
    private static int DerivePages(IDictionary<string, IOpenApiSchema> schemas)
    {
        var added = 0;
        foreach (var (_, schema) in schemas)
        {
            if (schema is not OpenApiSchema page || Example(page) is not null || page.Properties?.TryGetValue("items", out var items) != true
                || Example(Resolve(items!.Items, schemas)) is not { } item)
                continue;
            page.Examples = [new JsonObject { ["items"] = new JsonArray(item.DeepClone()), ["nextCursor"] = null }];
            added++;
        }
        return added;
    }

    /// <summary>A body without an example of its own is the example of what its operation answers, cut to the body's fields.</summary>
    private static int DeriveBodies(IDictionary<string, IOpenApiSchema> schemas, List<OpenApiOperation> operations)
    {
        var added = 0;
        foreach (var operation in operations)
        {
            var body = operation.RequestBody?.Content?.Values.Select(m => Resolve(m.Schema, schemas)).FirstOrDefault() as OpenApiSchema;
            var answer = (operation.Responses ?? []).Where(r => r.Key.StartsWith('2'))
                .SelectMany(r => r.Value.Content?.Values ?? []).Select(m => Example(Resolve(m.Schema, schemas))).FirstOrDefault(e => e is not null);
            if (body?.Properties is null || Example(body) is not null || answer is not JsonObject resource)
                continue;
            var cut = new JsonObject();
            foreach (var (name, property) in body.Properties)
                if (!property.ReadOnly && resource.TryGetPropertyValue(name, out var value))
                    cut[name] = value?.DeepClone();
            body.Examples = [cut];
            added++;
        }
        return added;
    }

    /// <summary>
    /// A schema used inside another takes the value its parents' examples hold there: in a list or a map, the fullest of
    /// its items (an agenda's session with speakers rather than one without).
    /// </summary>
    private static int DeriveParts(IDictionary<string, IOpenApiSchema> schemas)
    {
        var found = new Dictionary<OpenApiSchema, JsonNode>();
        foreach (var (_, parent) in schemas)
            if (Example(parent) is JsonObject example)
                foreach (var (name, property) in parent.Properties ?? new Dictionary<string, IOpenApiSchema>())
                    foreach (var (part, value) in Parts(property, example[name], schemas))
                        if (part is OpenApiSchema concrete && Example(concrete) is null
                            && (!found.TryGetValue(concrete, out var other) || value.ToJsonString().Length > other.ToJsonString().Length))
                            found[concrete] = value;
        foreach (var (part, value) in found)
            part.Examples = [value.DeepClone()];
        return found.Count;
    }

    private static IEnumerable<(IOpenApiSchema Part, JsonNode Value)> Parts(IOpenApiSchema? schema, JsonNode? value, IDictionary<string, IOpenApiSchema> schemas)
    {
        if (value is null || schema is null)
            return [];
        if (Component(schema, schemas) is { } component)
            return [(component, value)];
        if (schema.Items is { } items && value is JsonArray list)
            return list.SelectMany(item => Parts(items, item, schemas));
        if (schema.AdditionalProperties is { } entries && value is JsonObject map)
            return map.SelectMany(entry => Parts(entries, entry.Value, schemas));
        return [];
    }

    private static JsonNode? Example(IOpenApiSchema? schema) => schema?.Examples?.FirstOrDefault();

    /// <summary>The component a schema stands for: itself, the one it refers to, or the one its allOf extends.</summary>
    private static IOpenApiSchema? Resolve(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas) =>
        Component(schema, schemas) ?? schema;

    /// <summary>The component a property refers to (directly or by allOf), or null for a schema written in place.</summary>
    private static IOpenApiSchema? Component(IOpenApiSchema? schema, IDictionary<string, IOpenApiSchema> schemas) =>
        schema switch
        {
            OpenApiSchemaReference reference => schemas.TryGetValue(reference.Reference.Id!, out var target) ? target : null,
            OpenApiSchema { AllOf.Count: 1 } extended => Component(extended.AllOf[0], schemas),
            _ => null,
        };
}
