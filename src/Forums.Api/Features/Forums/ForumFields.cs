using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Forums;

/// <summary>The fields an organiser writes when creating or replacing a forum.</summary>
public abstract class ForumFields
{
    /// <summary>URL-safe unique name: lower-case letters, digits, single hyphens.</summary>
    public string Slug { get; init; } = null!;
    /// <summary>The forum's title by language (BCP 47 tag → text), e.g. {"en": "Central Asia – Korea II Cooperation Forum"}; at most 300 characters a language.</summary>
    public IReadOnlyDictionary<string, string> Title { get; init; } = null!;
    /// <summary>The forum's theme by language; at most 500 characters a language.</summary>
    public IReadOnlyDictionary<string, string>? Theme { get; init; }
    /// <summary>A description of the forum by language; at most 10,000 characters a language, line breaks allowed.</summary>
    public IReadOnlyDictionary<string, string>? Description { get; init; }
    /// <summary>The series the forum belongs to, e.g. "Central Asia – Korea"; at most 300 characters a language.</summary>
    public IReadOnlyDictionary<string, string>? Series { get; init; }
    /// <summary>The edition within the series (1, 2, ...).</summary>
    public int? Edition { get; init; }
    /// <summary>The host city by language, e.g. {"kk": "Түркістан", "en": "Turkistan"}; at most 200 characters a language.</summary>
    public IReadOnlyDictionary<string, string> City { get; init; } = null!;
    /// <summary>ISO 3166-1 alpha-2 code of the host country, in any case (stored upper case).</summary>
    public string Country { get; init; } = null!;
    /// <summary>The venue by language; at most 300 characters a language.</summary>
    public IReadOnlyDictionary<string, string>? Venue { get; init; }
    /// <summary>IANA time zone id, e.g. Asia/Almaty.</summary>
    public string TimeZone { get; init; } = null!;
    /// <summary>The first day, in the forum's time zone.</summary>
    public DateOnly? StartDate { get; init; }
    /// <summary>The last day, in the forum's time zone: on or after the start date; a forum lasts at most 31 days, both ends included.</summary>
    public DateOnly? EndDate { get; init; }
    /// <summary>Most delegates holding places at once (confirmed or pending); unset means no limit.</summary>
    public int? Capacity { get; init; }
    /// <summary>When true, registrations are pending (holding their place) until an organiser confirms them; default false.</summary>
    public bool? RequiresApproval { get; init; }
    /// <summary>BCP 47 tags of the forum's working languages.</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    public ForumDetails ToDetails() => new(
        Slug,
        LanguageMaps.Canonical(Title)!,
        LanguageMaps.Canonical(Theme),
        LanguageMaps.Canonical(Description),
        LanguageMaps.Canonical(Series),
        Edition,
        LanguageMaps.Canonical(City)!,
        Country,
        LanguageMaps.Canonical(Venue),
        TimeZone,
        StartDate,
        EndDate,
        Capacity,
        RequiresApproval ?? false,
        LanguageTag.CanonicalList(Languages));
}

internal sealed class ForumFieldsValidator : AbstractValidator<ForumFields>
{
    public ForumFieldsValidator()
    {
        RuleFor(f => f.Slug).NotEmpty().Slug();
        RuleFor(f => f.Title).NotNull().LocalizedText(maxLength: 300);
        RuleFor(f => f.Theme).LocalizedText(maxLength: 500);
        RuleFor(f => f.Description).LocalizedText(maxLength: 10_000, multiLine: true);
        RuleFor(f => f.Series).LocalizedText(maxLength: 300);
        RuleFor(f => f.Edition).InclusiveBetween(1, 1000);
        RuleFor(f => f.City).NotNull().LocalizedText(maxLength: 200);
        RuleFor(f => f.Country).NotEmpty().CountryCode();
        RuleFor(f => f.Venue).LocalizedText(maxLength: 300);
        RuleFor(f => f.TimeZone).NotEmpty().IanaTimeZone();
        RuleFor(f => f.EndDate).GreaterThanOrEqualTo(f => f.StartDate)
            .When(f => f.StartDate is not null && f.EndDate is not null)
            .WithMessage("The end date cannot be before the start date.");
        RuleFor(f => f.EndDate).Must((f, end) => Forum.Days(f.StartDate!.Value, end!.Value) <= Forum.MaxDays)
            .When(f => f.StartDate is not null && f.EndDate is not null && f.EndDate >= f.StartDate)
            .WithMessage($"A forum lasts at most {Forum.MaxDays} days: give an end date at most {Forum.MaxDays - 1} days after the start date.");
        RuleFor(f => f.Capacity).GreaterThanOrEqualTo(1);
        RuleFor(f => f.Languages).LanguageTags();
    }
}
