using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Delegates;

/// <summary>What a delegate needs to take part; free text, each at most 500 characters.</summary>
public sealed class DelegateNeedsRequest
{
    /// <summary>Dietary needs, e.g. "halal", "vegetarian"; blank for none.</summary>
    public string? Diet { get; init; }
    /// <summary>Access needs, e.g. "wheelchair access"; blank for none.</summary>
    public string? Access { get; init; }
    /// <summary>Interpretation needs, e.g. "Korean ↔ Kazakh"; blank for none.</summary>
    public string? Interpretation { get; init; }

    /// <summary>Its own rules, so that the schema of needs states them (maxLength) as every other body's does.</summary>
    internal sealed class Validator : AbstractValidator<DelegateNeedsRequest>
    {
        public Validator()
        {
            RuleFor(n => n.Diet).MaximumLength(500).Text();
            RuleFor(n => n.Access).MaximumLength(500).Text();
            RuleFor(n => n.Interpretation).MaximumLength(500).Text();
        }
    }
}

/// <summary>The fields an organiser writes when registering a delegate or replacing one's details.</summary>
public abstract class DelegateFields
{
    /// <summary>The name as written in its own script, e.g. "Нұралхан Көшеров".</summary>
    public string Name { get; init; } = null!;
    /// <summary>The name in Latin letters, e.g. "Nuralkhan Kusherov"; search finds either.</summary>
    public string? NameLatin { get; init; }
    /// <summary>The delegate's position by language (BCP 47 tag → text), e.g. {"en": "Akim (governor) of Turkistan region"}; at most 300 characters a language.</summary>
    public IReadOnlyDictionary<string, string>? Position { get; init; }
    /// <summary>The delegate's organisation by language; at most 300 characters a language.</summary>
    public IReadOnlyDictionary<string, string>? Organisation { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of the delegate's country, in any case (stored upper case).</summary>
    public string? Country { get; init; }
    /// <summary>The e-mail address; blank for none. Registers once per forum, whatever its case or Unicode form; stored trimmed, NFC and lower-case.</summary>
    public string? Email { get; init; }
    /// <summary>Digits, spaces, brackets, dots and hyphens, optionally after a +, e.g. "+7 725 330 0000"; blank for none.</summary>
    public string? Phone { get; init; }
    /// <summary>BCP 47 tags of the languages the delegate speaks.</summary>
    public IReadOnlyList<string>? Languages { get; init; }
    /// <summary>What the delegate needs to take part; left out for none.</summary>
    public DelegateNeedsRequest? Needs { get; init; }
    /// <summary>The delegation of the same forum the delegate belongs to; unset for none.</summary>
    public Guid? DelegationId { get; init; }

    public DelegateDetails ToDetails() => new(
        Name.Trim(),
        string.IsNullOrWhiteSpace(NameLatin) ? null : NameLatin.Trim(),
        LanguageMaps.Canonical(Position),
        LanguageMaps.Canonical(Organisation),
        Country,
        Blank(Email),
        string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim(),
        LanguageTag.CanonicalList(Languages),
        new DelegateNeeds(Blank(Needs?.Diet), Blank(Needs?.Access), Blank(Needs?.Interpretation)),
        DelegationId);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed class DelegateFieldsValidator : AbstractValidator<DelegateFields>
{
    public DelegateFieldsValidator()
    {
        RuleFor(d => d.Name).NotEmpty().MaximumLength(200).Text();
        RuleFor(d => d.NameLatin).MaximumLength(200).Text();
        RuleFor(d => d.Position).LocalizedText(maxLength: 300);
        RuleFor(d => d.Organisation).LocalizedText(maxLength: 300);
        RuleFor(d => d.Country).CountryCode().When(d => d.Country is not null);
        RuleFor(d => d.Email).Email();
        RuleFor(d => d.Phone).Matches(@"^\+?[0-9][0-9 ()\-.]{3,38}\z").When(d => !string.IsNullOrWhiteSpace(d.Phone))
            .WithMessage("Give a phone number of digits, spaces, brackets and hyphens, e.g. '+7 725 330 0000'.");
        RuleFor(d => d.Languages).LanguageTags();
        RuleFor(d => d.Needs).SetValidator(new DelegateNeedsRequest.Validator()!);
    }
}
