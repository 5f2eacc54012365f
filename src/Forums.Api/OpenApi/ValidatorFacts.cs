using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using Forums.Api.Http.Validation;
using Microsoft.OpenApi;

namespace Forums.Api.OpenApi;

/// <summary>
/// What a request's validators say about each field, written into its schema: a field whose rule is an unconditional
/// NotNull or NotEmpty is required; lengths, ranges and patterns become maxLength, minimum, pattern...; a rule of our
/// own says its part through <see cref="SchemaFacts"/>. The validators stay the one home of each rule: the document
/// follows them.
/// </summary>
internal static class ValidatorFacts
{
    private static readonly Lazy<(Type Validated, IValidator Validator)[]> Validators = new(() =>
        typeof(ValidatorFacts).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IValidator).IsAssignableFrom(t)
                        && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Validated: ValidatedType(t), Validator: (IValidator)Activator.CreateInstance(t)!))
            .Where(v => v.Validated is not null)
            .Select(v => (v.Validated!, v.Validator))
            .ToArray());

    private static readonly ConcurrentDictionary<Type, ILookup<string, IRuleComponent>> ByType = new();

    /// <summary>The rule components of every validator of this type (or a type it derives from), by field name as JSON writes it.</summary>
    private static ILookup<string, IRuleComponent> Components(Type type) => ByType.GetOrAdd(type, t =>
        Validators.Value.Where(v => v.Validated.IsAssignableFrom(t))
            .SelectMany(v => v.Validator.CreateDescriptor().GetMembersWithValidators()
                .Where(member => member.Key is not null)
                .SelectMany(member => member.Select(c => (Member: member.Key, c.Options))))
            .ToLookup(c => Camel(c.Member), c => c.Options, StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether an unconditional NotNull or NotEmpty makes the field required.</summary>
    public static bool IsRequired(Type requestType, string jsonName) =>
        Components(requestType)[jsonName].Any(c => !c.HasCondition && !c.HasAsyncCondition
                                                   && c.Validator is INotNullValidator or INotEmptyValidator);

    /// <summary>Writes the field's limits into its schema (an inline one; a shared one is left as it is).</summary>
    public static void Describe(Type requestType, string jsonName, IOpenApiSchema target)
    {
        if (target is not OpenApiSchema schema)
            return;
        var isString = schema.Type?.HasFlag(JsonSchemaType.String) == true;
        var isArray = schema.Type?.HasFlag(JsonSchemaType.Array) == true;
        foreach (var component in Components(requestType)[jsonName])
        {
            switch (component.Validator)
            {
                case INotEmptyValidator when isString:
                    schema.MinLength = Math.Max(schema.MinLength ?? 0, 1);
                    break;
                case INotEmptyValidator when isArray && !component.HasCondition:
                    schema.MinItems = Math.Max(schema.MinItems ?? 0, 1);
                    break;
                case ILengthValidator length when isString:
                    if (length.Min > 0)
                        schema.MinLength = length.Min;
                    if (length.Max > 0)
                        schema.MaxLength = length.Max;
                    break;
                case IBetweenValidator between:
                    schema.Minimum = Number(between.From);
                    schema.Maximum = Number(between.To);
                    break;
                case IComparisonValidator { MemberToCompare: null, ValueToCompare: not null } comparison:
                    if (comparison.Comparison is Comparison.GreaterThanOrEqual)
                        schema.Minimum = Number(comparison.ValueToCompare);
                    else if (comparison.Comparison is Comparison.LessThanOrEqual)
                        schema.Maximum = Number(comparison.ValueToCompare);
                    break;
                case IRegularExpressionValidator regex:
                    schema.Pattern = SchemaFacts.Ecma(regex.Expression);
                    break;
                case ISchemaFactsValidator { Facts: var facts }:
                    Apply(schema, facts);
                    break;
            }
        }
    }

    private static void Apply(OpenApiSchema schema, SchemaFacts facts)
    {
        schema.Pattern = facts.Pattern ?? schema.Pattern;
        schema.MinLength = facts.MinLength ?? schema.MinLength;
        schema.MaxLength = facts.MaxLength ?? schema.MaxLength;
        schema.MinItems = facts.MinItems ?? schema.MinItems;
        schema.MaxItems = facts.MaxItems ?? schema.MaxItems;
        schema.MinProperties = facts.MinProperties ?? schema.MinProperties;
        schema.MaxProperties = facts.MaxProperties ?? schema.MaxProperties;
        if (facts.Example is not null)
            schema.Examples = [JsonValue.Create(facts.Example)];
        if (schema.Items is OpenApiSchema items && (facts.ItemPattern is not null || facts.ItemMaxLength is not null))
        {
            items.Pattern = facts.ItemPattern ?? items.Pattern;
            items.MaxLength = facts.ItemMaxLength ?? items.MaxLength;
        }
    }

    private static string Number(object value) => Convert.ToString(value, CultureInfo.InvariantCulture)!;

    private static string Camel(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];

    private static Type? ValidatedType(Type validator)
    {
        for (var type = validator; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
                return type.GetGenericArguments()[0];
        return null;
    }
}
