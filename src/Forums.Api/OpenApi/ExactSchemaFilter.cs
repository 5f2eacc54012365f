using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>
/// Makes each schema say exactly what the JSON does. Answers always carry every property (null included),
/// so every property is required and nullable only when its C# type is. Request bodies need their
/// non-nullable properties, and do not contain what is bound from the route, query or headers.
/// </summary>
internal sealed class ExactSchemaFilter : ISchemaFilter
{
    private readonly NullabilityInfoContext nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties.Count: > 0 } concrete || context.MemberInfo is not null)
            return;

        var isRequest = RequestProperties.IsRequestType(context.Type);
        // A merge patch sends only what changes: nothing is required, and what may be null clears (what may not is a 400).
        var isPatch = typeof(Http.IMergePatchBody).IsAssignableFrom(context.Type);
        var required = new HashSet<string>();
        foreach (var property in context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var ignore = property.GetCustomAttribute<JsonIgnoreAttribute>();
            if (ignore is { Condition: JsonIgnoreCondition.Always })
                continue;
            var name = RequestProperties.JsonName(property);
            if (!concrete.Properties.TryGetValue(name, out var propertySchema))
                continue;
            if (isRequest && RequestProperties.PartOf(property, hasBody: true) != RequestPart.Body)
            {
                concrete.Properties.Remove(name);
                continue;
            }

            if (isRequest && propertySchema is OpenApiSchema described)
                described.Description = DateRules.Describe(described.Description, property.PropertyType);

            // A property left out when null is optional, and never null when present. A request's field that its
            // validator requires is required and never null, whatever its C# type.
            var omittedWhenNull = ignore is { Condition: JsonIgnoreCondition.WhenWritingNull };
            var requiredByRule = isRequest && ValidatorFacts.IsRequired(context.Type, name);
            var nullable = IsNullable(property) && !omittedWhenNull && !requiredByRule;
            if (!omittedWhenNull && (!isRequest || !nullable) && !isPatch)
                required.Add(name);
            // OpenAPI 3.0.3 adds no null beside a reference (allOf): a request leaves such an optional field out instead.
            if (isRequest && propertySchema is OpenApiSchema { AllOf.Count: > 0 })
                nullable = false;
            SetNullable(propertySchema, nullable);
            if (isRequest)
                ValidatorFacts.Describe(context.Type, name, propertySchema);
        }
        concrete.Required = required;
        if (isRequest)
        {
            // A member a request does not list is refused (400 naming it, Http/BodyMemberGuard), the read-only members of
            // a resource sent back as it was read (id, status, createdAt...) too: a misspelt member was once dropped
            // without a word, and a status sent in a PUT would look accepted while nothing changed.
            concrete.AdditionalPropertiesAllowed = false;
            concrete.AdditionalProperties = null;
        }
    }

    private bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && nullability.Create(property).ReadState != NullabilityState.NotNull);

    private static void SetNullable(IOpenApiSchema schema, bool nullable)
    {
        if (schema is OpenApiSchema { Type: { } type } concrete)
        {
            var set = nullable ? type | JsonSchemaType.Null : type & ~JsonSchemaType.Null;
            concrete.Type = set == 0 ? null : set;
        }
    }
}

/// <summary>What every date and date-time a request carries must be, said where the field is described.</summary>
internal static class DateRules
{
    public static string? Describe(string? description, Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(DateTime) || t == typeof(DateTimeOffset) => Join(description, Http.DateJson.DateTimeRule),
            var t when t == typeof(DateOnly) => Join(description, Http.DateJson.DateRule),
            _ => description,
        };

    private static string Join(string? description, string rule) => string.IsNullOrEmpty(description) ? rule : $"{description} {rule}";
}
