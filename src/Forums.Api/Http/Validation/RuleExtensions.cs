using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Paging;

namespace Forums.Api.Http.Validation;

/// <summary>The field rules every resource shares, written once.</summary>
public static class RuleExtensions
{
    public const int MaxLanguagesPerText = 30;

    /// <summary>
    /// A language map: at least one entry, BCP 47 keys (unique ignoring case), non-blank texts of at most
    /// <paramref name="maxLength"/> characters each and, when given, <paramref name="maxTotalLength"/> in all languages together.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyDictionary<string, string>?> LocalizedText<T>(
        this IRuleBuilder<T, IReadOnlyDictionary<string, string>?> rule, int maxLength, int? maxTotalLength = null) =>
        rule.Custom((text, context) =>
        {
            if (text is null)
                return;
            if (text.Count == 0)
                context.AddFailure("Give the text in at least one language, e.g. {\"en\": \"...\"}.");
            else if (text.Count > MaxLanguagesPerText)
                context.AddFailure($"Give at most {MaxLanguagesPerText} languages.");
            foreach (var (tag, value) in text)
            {
                if (!Domain.LanguageTag.IsWellFormed(tag))
                    context.AddFailure($"'{Shorten(tag)}' is not a well-formed BCP 47 language tag (e.g. 'kk', 'en', 'ko', 'uz-Cyrl').");
                else if (string.IsNullOrWhiteSpace(value))
                    context.AddFailure($"The '{tag}' text is empty.");
                else if (value.Length > maxLength)
                    context.AddFailure($"The '{tag}' text is longer than {maxLength} characters.");
            }
            if (text.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
                context.AddFailure("Each language tag may appear once (tags ignore case).");
            if (maxTotalLength is { } total && text.Count <= MaxLanguagesPerText && text.Values.Sum(v => (long)(v?.Length ?? 0)) > total)
                context.AddFailure($"The texts in all languages together are longer than {total:N0} characters.");
        });

    public static IRuleBuilderOptions<T, string?> LanguageTag<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Domain.LanguageTag.IsWellFormed)
            .WithMessage(x => "'{PropertyValue}' is not a well-formed BCP 47 language tag (e.g. 'kk', 'en', 'ko').");

    public static IRuleBuilderOptions<T, string?> CountryCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => Domain.CountryCode.IsAssigned(c?.ToUpperInvariant()))
            .WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-2 country code (e.g. 'KZ', 'KR').");

    public static IRuleBuilderOptions<T, string?> IanaTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Domain.IanaTimeZone.Exists)
            .WithMessage("'{PropertyValue}' is not an IANA time zone known to this server (e.g. 'Asia/Almaty').");

    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Domain.Slug.IsValid)
            .WithMessage($"Use {Domain.Slug.MinLength} to {Domain.Slug.MaxLength} lower-case letters a-z, digits and single hyphens between words (e.g. 'central-asia-korea-2').");

    public static void PageRules<T>(this AbstractValidator<T> validator, Func<T, int?> limit, Func<T, string?> cursor, Func<string, bool> isSortKey)
    {
        validator.RuleFor(r => limit(r)).InclusiveBetween(1, PageLimit.Max).OverridePropertyName("limit")
            .WithMessage($"Ask for 1 to {PageLimit.Max} items.");
        validator.RuleFor(r => cursor(r))
            .Must(c => Cursor.TryDecode(c, out var key) && isSortKey(key))
            .When(r => cursor(r) is not null)
            .OverridePropertyName("cursor")
            .WithMessage("The cursor is not one this API gave out; pass nextCursor from the previous page unchanged.");
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
