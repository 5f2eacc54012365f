using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Forums.Api.Domain;
using Forums.Api.Http.Paging;

namespace Forums.Api.Http.Validation;

/// <summary>The field rules every resource shares, written once.</summary>
public static class RuleExtensions
{
    public const int MaxLanguagesPerText = 30;

    /// <summary>The longest text any language map takes (a description); the schema's LanguageMap states it, each field's own limit is in its description.</summary>
    public const int MaxLocalizedTextLength = 10_000;

    /// <summary>At most this many examples of one kind of problem are named per field; the rest are counted.</summary>
    public const int MaxExamplesPerField = 3;

    /// <summary>The longest piece of a client's value that a message repeats.</summary>
    public const int MaxEchoedLength = 60;

    /// <summary>
    /// A language map: at least one entry, BCP 47 keys of the IANA registry (unique ignoring case), non-blank texts that people can read
    /// (see <see cref="Text{T}"/>) of at most <paramref name="maxLength"/> characters each and, when given,
    /// <paramref name="maxTotalLength"/> in all languages together. However many entries are wrong, the field gets a few
    /// messages, each naming a few.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyDictionary<string, string>?> LocalizedText<T>(
        this IRuleBuilder<T, IReadOnlyDictionary<string, string>?> rule, int maxLength, int? maxTotalLength = null, bool multiLine = false) =>
        maxLength > MaxLocalizedTextLength
            ? throw new ArgumentOutOfRangeException(nameof(maxLength), $"The schema's LanguageMap takes texts of at most {MaxLocalizedTextLength:N0} characters; raise MaxLocalizedTextLength first.")
            : rule.Documented(new SchemaFacts { MinProperties = 1, MaxProperties = MaxLanguagesPerText }).Custom((text, context) =>
        {
            if (text is null)
                return;
            if (text.Count == 0)
                context.AddFailure("Give the text in at least one language, e.g. {\"en\": \"...\"}.");
            else if (text.Count > MaxLanguagesPerText)
                context.AddFailure(Invariant($"Give at most {MaxLanguagesPerText} languages (this text has {text.Count:N0})."));

            var badTags = new List<string>();
            var badTagCount = 0;
            var badTexts = new Examples();
            var anyUnsafe = false;
            foreach (var (tag, value) in text)
            {
                if (!Domain.LanguageTag.IsValid(tag))
                {
                    // Only the tags named are explained (a suggestion costs a look through the registry's names).
                    if (++badTagCount <= MaxExamplesPerField)
                        badTags.Add(Domain.LanguageTag.Explain(tag)!);
                }
                else if (string.IsNullOrWhiteSpace(value))
                    badTexts.Add($"the '{tag}' text is empty");
                else if (value.Length > maxLength)
                    badTexts.Add(Invariant($"the '{tag}' text is longer than {maxLength:N0} characters"));
                else if (ReadableText.FindUnsafe(value, multiLine) is { } unsafeCharacter)
                {
                    badTexts.Add($"the '{tag}' text contains {unsafeCharacter}");
                    anyUnsafe = true;
                }
            }
            if (badTagCount > 0)
                context.AddFailure(string.Join(" ", badTags) + (badTagCount > MaxExamplesPerField
                    ? Invariant($" {badTagCount - MaxExamplesPerField:N0} more keys ({badTagCount:N0} in all) are not valid language tags either.")
                    : ""));
            if (badTexts.Count > 0)
                context.AddFailure(Capitalised(badTexts.Describe("", "")) + (anyUnsafe ? UnsafeAdvice : "."));
            if (text.Count <= MaxLanguagesPerText && text.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
                context.AddFailure("Each language tag may appear once (tags ignore case).");
            if (maxTotalLength is { } total && text.Count <= MaxLanguagesPerText && text.Values.Sum(v => (long)(v?.Length ?? 0)) > total)
                context.AddFailure($"The texts in all languages together are longer than {total:N0} characters.");
        });

    private const string UnsafeAdvice =
        ": text people read must show something and may not hold control characters, bidirectional overrides or isolates, noncharacters or lone surrogates.";

    /// <summary>
    /// Text people read (names, rooms, needs, search words...): no control characters, no bidi overrides or isolates
    /// (U+202A–U+202E, U+2066–U+2069), no noncharacters, no lone surrogates. Only multi-line texts keep line breaks and tabs.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, bool multiLine = false) =>
        rule.Must(text => text is null || ReadableText.FindUnsafe(text, multiLine) is null)
            .WithMessage((_, text) => $"Contains {ReadableText.FindUnsafe(text!, multiLine)}{UnsafeAdvice}");

    /// <summary>An e-mail address as <see cref="EmailAddress"/> defines it (blank means none).</summary>
    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(email => string.IsNullOrWhiteSpace(email) || EmailAddress.IsValid(email))
            .WithMessage($"Give one e-mail address of at most {EmailAddress.MaxLength} characters, e.g. 'name@example.kz' " +
                         "(no display name or angle brackets, no spaces, quotes, invisible or full-width characters).")
            .Documented(new SchemaFacts { MaxLength = EmailAddress.MaxLength, Example = "name@example.kz" });

    /// <summary>A list of BCP 47 tags: at most <see cref="MaxLanguagesPerText"/>, each valid (<see cref="Domain.LanguageTag.Explain"/>); the first few bad ones are named by index (<c>languages[1]</c>), the rest counted.</summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<string>?> LanguageTags<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.Documented(new SchemaFacts { MaxItems = MaxLanguagesPerText, ItemPattern = Domain.LanguageTag.Shape, ItemMaxLength = Domain.LanguageTag.MaxLength })
            .Custom((tags, context) =>
        {
            if (tags is null)
                return;
            if (tags.Count > MaxLanguagesPerText)
                context.AddFailure(Invariant($"Give at most {MaxLanguagesPerText} languages (this list has {tags.Count:N0})."));
            var bad = 0;
            for (var i = 0; i < tags.Count; i++)
                if (!Domain.LanguageTag.IsValid(tags[i]) && ++bad <= MaxExamplesPerField)
                    context.AddFailure(new ValidationFailure($"{context.PropertyPath}[{i}]", Domain.LanguageTag.Explain(tags[i])));
            if (bad > MaxExamplesPerField)
                context.AddFailure(Invariant($"{bad - MaxExamplesPerField:N0} more tags ({bad:N0} in all) are not valid BCP 47 language tags."));
        });

    public static IRuleBuilderOptions<T, string?> LanguageTag<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Domain.LanguageTag.IsValid)
            .WithMessage((_, tag) => Domain.LanguageTag.Explain(tag)!)
            .Documented(new SchemaFacts { Pattern = Domain.LanguageTag.Shape, MaxLength = Domain.LanguageTag.MaxLength, Example = "kk" });

    public static IRuleBuilderOptions<T, string?> CountryCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => Domain.CountryCode.IsAssigned(c))
            .WithMessage((_, code) => $"'{Shorten(code)}' is not an ISO 3166-1 alpha-2 country code (e.g. 'KZ', 'KR').")
            .Documented(new SchemaFacts { Pattern = "^[A-Za-z]{2}$", MinLength = 2, MaxLength = 2, Example = "KZ" });

    public static IRuleBuilderOptions<T, string?> IanaTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Domain.IanaTimeZone.Exists)
            .WithMessage((_, zone) => $"'{Shorten(zone)}' is not an IANA time zone known to this server (e.g. 'Asia/Almaty').")
            .Documented(new SchemaFacts { Example = "Asia/Almaty" });

    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(Domain.Slug.IsValid)
            .WithMessage($"Use {Domain.Slug.MinLength} to {Domain.Slug.MaxLength} lower-case letters a-z, digits and single hyphens between words (e.g. 'central-asia-korea-2').")
            .Documented(new SchemaFacts
            {
                Pattern = SchemaFacts.Ecma(Domain.Slug.Pattern), MinLength = Domain.Slug.MinLength, MaxLength = Domain.Slug.MaxLength,
                Example = "central-asia-korea-ii",
            });

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

    /// <summary>A client's value as a message may repeat it: at most <see cref="MaxEchoedLength"/> characters.</summary>
    public static string Shorten(string? text) =>
        text is null ? "" : text.Length <= MaxEchoedLength ? text : text[..MaxEchoedLength] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The first few problems of one kind, and how many there are.</summary>
    private sealed class Examples
    {
        private readonly List<string> first = [];
        public int Count { get; private set; }

        public void Add(string example)
        {
            Count++;
            if (first.Count < MaxExamplesPerField)
                first.Add(example);
        }

        /// <summary>e.g. "'x', 'y', 'z' and 59,997 more (60,000 in all) are not ..."</summary>
        public string Describe(string one, string many)
        {
            var list = string.Join(", ", first);
            var more = Count > first.Count ? Invariant($" and {Count - first.Count:N0} more ({Count:N0} in all)") : "";
            var verb = Count == 1 ? one : many;
            return verb.Length == 0 ? list + more : $"{list}{more} {verb}";
        }
    }
}
