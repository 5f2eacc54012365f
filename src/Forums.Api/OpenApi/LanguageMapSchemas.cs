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

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.MemberInfo is not null)
            return;
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => IsLanguageMap(p.PropertyType)))
        {
            var name = RequestProperties.JsonName(property);
            if (!concrete.Properties.TryGetValue(name, out var inline) || inline is not OpenApiSchema described)
                continue;
            // OpenAPI 3.0.3 lets a schema beside a reference add no null to it, so a place that may be null refers to
            // the nullable twin; the wrapper only carries the place's description.
            var nullable = described.Type?.HasFlag(JsonSchemaType.Null) == true;
            var reference = Reference(context.SchemaRepository, nullable);
            concrete.Properties[name] = described.Description is null
                ? reference
                : new OpenApiSchema { AllOf = [reference], Description = described.Description };
        }
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
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1 },
            MinProperties = 1,
            MaxProperties = RuleExtensions.MaxLanguagesPerText,
            Examples = [new JsonObject { ["kk"] = "Түркістан", ["ru"] = "Туркестан", ["en"] = "Turkistan" }],
        });
    }
}
