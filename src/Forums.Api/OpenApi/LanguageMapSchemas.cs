using System.Reflection;
using System.Text.Json.Nodes;
using Forums.Api.Http.Validation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>
/// Every text in several languages (a title, a position, a region...) is one named schema, LanguageMap, rather than an
/// object written inline at each of its fifty-odd places: generators make one type of it (Kiota made a class per place,
/// Forum_title, UpdateForumRequest_title...), and NullableLanguageMap where the text may be null. Each place keeps its
/// own description.
/// </summary>
internal sealed class LanguageMapSchemas : ISchemaFilter
{
    public const string Id = "LanguageMap";
    public const string NullableId = "NullableLanguageMap";
    public const string PatchId = "LanguageMapPatch";
    public const string NullablePatchId = "NullableLanguageMapPatch";

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.MemberInfo is not null)
            return;
        var patch = typeof(Http.IMergePatchBody).IsAssignableFrom(context.Type);
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => IsLanguageMap(p.PropertyType)))
        {
            var name = RequestProperties.JsonName(property);
            if (!concrete.Properties.TryGetValue(name, out var inline) || inline is not OpenApiSchema described)
                continue;
            // OpenAPI 3.0.3 lets a schema beside a reference add no null to it, so a place that may be null refers to
            // the nullable twin; the wrapper only carries the place's description.
            var nullable = described.Type?.HasFlag(JsonSchemaType.Null) == true;
            var reference = patch ? PatchReference(context.SchemaRepository, nullable) : Reference(context.SchemaRepository, nullable);
            concrete.Properties[name] = described.Description is null
                ? reference
                : new OpenApiSchema { AllOf = [reference], Description = described.Description };
        }
    }

    // In a merge patch a language map merges language by language: a text sets a language, null removes it.
    private static OpenApiSchemaReference PatchReference(SchemaRepository repository, bool nullable)
    {
        var id = nullable ? NullablePatchId : PatchId;
        return repository.Schemas.ContainsKey(id) ? new OpenApiSchemaReference(id) : repository.AddDefinition(id, new OpenApiSchema
        {
            Type = nullable ? JsonSchemaType.Object | JsonSchemaType.Null : JsonSchemaType.Object,
            Description = "Changes to a LanguageMap, merged language by language (JSON Merge Patch, RFC 7396): a language given a text " +
                          "sets it, a language given null is removed, languages left out are kept. " +
                          (nullable ? "Null clears the whole text." : "The text keeps at least one language (400 otherwise)."),
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, MinLength = 1, MaxLength = RuleExtensions.MaxLocalizedTextLength },
            Examples = [new JsonObject { ["ru"] = null, ["en"] = "Turkistan" }],
        });
    }

    public static bool IsLanguageMap(Type type) =>
        type == typeof(Dictionary<string, string>) || type == typeof(IReadOnlyDictionary<string, string>);

    private static OpenApiSchemaReference Reference(SchemaRepository repository, bool nullable)
    {
        var id = nullable ? NullableId : Id;
        return repository.Schemas.ContainsKey(id) ? new OpenApiSchemaReference(id) : repository.AddDefinition(id, new OpenApiSchema
        {
            Type = nullable ? JsonSchemaType.Object | JsonSchemaType.Null : JsonSchemaType.Object,
            Description = (nullable ? "A LanguageMap, or null where the text is not given. " : "") +
                          "Text in one or more languages: an object whose keys are BCP 47 language tags (kk, ru, en, ko, uz-Cyrl...) " +
                          "made of subtags the IANA Language Subtag Registry lists " +
                          "and whose values are the text in that language. A reader shows the language it prefers and falls back " +
                          "to another one the map has.",
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = RuleExtensions.MaxLocalizedTextLength },
            MinProperties = 1,
            MaxProperties = RuleExtensions.MaxLanguagesPerText,
            Examples = [new JsonObject { ["kk"] = "Түркістан", ["ru"] = "Туркестан", ["en"] = "Turkistan" }],
        });
    }
}
