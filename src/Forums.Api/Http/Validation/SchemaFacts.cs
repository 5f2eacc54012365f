using FluentValidation;
using FluentValidation.Validators;

namespace Forums.Api.Http.Validation;

/// <summary>
/// What a rule that FluentValidation cannot describe itself (a predicate, a custom check) means for the field's schema:
/// the OpenAPI document reads it from the validator (<see cref="OpenApi.ValidatorFacts"/>), so that the limit is written
/// once, beside its check, and validators and generated form code enforce it too.
/// </summary>
public sealed record SchemaFacts
{
    public string? Pattern { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    /// <summary>For a list: the pattern of each item.</summary>
    public string? ItemPattern { get; init; }
    /// <summary>For a list: the longest item.</summary>
    public int? ItemMaxLength { get; init; }
    /// <summary>For a language map: the fewest and most languages.</summary>
    public int? MinProperties { get; init; }
    public int? MaxProperties { get; init; }
    /// <summary>An example value, where the type alone gives none that passes.</summary>
    public string? Example { get; init; }

    /// <summary>.NET's end anchor \z as JSON Schema (ECMA-262) writes it.</summary>
    public static string Ecma(string pattern) => pattern.Replace(@"\z", "$", StringComparison.Ordinal);
}

/// <summary>A rule component that checks nothing and carries <see cref="SchemaFacts"/> for the document.</summary>
public sealed class SchemaFactsValidator<T, TProperty>(SchemaFacts facts) : PropertyValidator<T, TProperty>, ISchemaFactsValidator
{
    public SchemaFacts Facts => facts;
    public override string Name => "SchemaFacts";
    public override bool IsValid(ValidationContext<T> context, TProperty value) => true;
}

public interface ISchemaFactsValidator
{
    SchemaFacts Facts { get; }
}

public static class SchemaFactsRules
{
    /// <summary>Says what this rule means for the field's schema (see <see cref="SchemaFacts"/>).</summary>
    public static IRuleBuilderOptions<T, TProperty> Documented<T, TProperty>(this IRuleBuilder<T, TProperty> rule, SchemaFacts facts) =>
        rule.SetValidator(new SchemaFactsValidator<T, TProperty>(facts));
}
