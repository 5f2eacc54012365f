using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Delegations;

/// <summary>The fields an organiser writes when creating or replacing a delegation.</summary>
public abstract class DelegationFields
{
    /// <summary>The delegation's name by language (BCP 47 tag → text), e.g. {"en": "Delegation of the Republic of Korea"}; at most 300 characters a language. A CSV import finds the delegation by any of its names.</summary>
    public IReadOnlyDictionary<string, string> Name { get; init; } = null!;
    /// <summary>Whom the delegation represents.</summary>
    public DelegationKind? Kind { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of the country the delegation comes from.</summary>
    public string? Country { get; init; }
    /// <summary>The region by language, for a regional delegation; at most 200 characters a language.</summary>
    public IReadOnlyDictionary<string, string>? Region { get; init; }
    /// <summary>Most delegates of the delegation holding places at once; unset for no limit.</summary>
    public int? Quota { get; init; }

    public DelegationDetails ToDetails() => new(
        LanguageMaps.Canonical(Name)!,
        Kind!.Value,
        Country,
        LanguageMaps.Canonical(Region),
        Quota);
}

internal sealed class DelegationFieldsValidator : AbstractValidator<DelegationFields>
{
    public DelegationFieldsValidator()
    {
        RuleFor(d => d.Name).NotNull().LocalizedText(maxLength: 300);
        RuleFor(d => d.Kind).NotNull();
        RuleFor(d => d.Country).CountryCode().When(d => d.Country is not null);
        RuleFor(d => d.Region).LocalizedText(maxLength: 200);
        RuleFor(d => d.Quota).GreaterThanOrEqualTo(1);
    }
}
