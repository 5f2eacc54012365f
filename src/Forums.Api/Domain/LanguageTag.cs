using System.Text.RegularExpressions;

namespace Forums.Api.Domain;

/// <summary>BCP 47 (RFC 5646 §2.1) well-formed language tags, written in their canonical case (§2.1.1).</summary>
// The grammar ends at \z: .NET's $ also matches before a final line break.
public static partial class LanguageTag
{
    [GeneratedRegex("""
        ^(?:
          (?<language>[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})
          (?:-(?<script>[a-z]{4}))?
          (?:-(?<region>[a-z]{2}|[0-9]{3}))?
          (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*
          (?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*
          (?:-x(?:-[a-z0-9]{1,8})+)?
        |x(?:-[a-z0-9]{1,8})+)\z
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    /// <summary>The shape every well-formed tag has (subtags of 1 to 8 letters and digits), for schemas; the grammar above is stricter.</summary>
    public const string Shape = "^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$";
    public const int MaxLength = 64;

    public static bool IsWellFormed(string? tag) => tag is { Length: > 0 and <= MaxLength } && Grammar().IsMatch(tag);

    /// <summary>Each tag in its canonical form, once, in the order first written (none when the list is unset).</summary>
    public static List<string> CanonicalList(IEnumerable<string>? tags) => (tags ?? []).Select(Canonicalize).Distinct().ToList();

    public static string Canonicalize(string tag)
    {
        var match = Grammar().Match(tag);
        if (!match.Success)
            return tag;
        var lower = tag.ToLowerInvariant().ToCharArray();
        Capitalize(match.Groups["script"], lower, titleCase: true);
        Capitalize(match.Groups["region"], lower, titleCase: false);
        return new string(lower);
    }

    private static void Capitalize(Group group, char[] text, bool titleCase)
    {
        if (!group.Success)
            return;
        var length = titleCase ? 1 : group.Length;
        for (var i = group.Index; i < group.Index + length; i++)
            text[i] = char.ToUpperInvariant(text[i]);
    }
}


/// <summary>
/// Valid tags (RFC 5646 §2.2.9): well-formed, and each subtag registered in the IANA Language Subtag Registry
/// (<see cref="LanguageSubtagRegistry"/>), no variant or extension given twice, extensions only of the registered
/// singletons (t, u); private use (x-...) is not checked. A refused tag is explained with what was probably meant.
/// </summary>
public static partial class LanguageTag
{
    private const string Examples = "(e.g. 'kk', 'en', 'ko', 'uz-Cyrl')";
    private const string Registry = "of the IANA Language Subtag Registry";
    private const int MaxEchoed = 60;

    /// <summary>Whether the tag is valid; cheap (a few look-ups), unlike <see cref="Explain"/>, which looks for what was meant.</summary>
    public static bool IsValid(string? tag) => Check(tag, explain: false) is null;

    /// <summary>Null for a valid tag; else one short sentence that says what is wrong and, where it can tell, what was meant.</summary>
    public static string? Explain(string? tag) => Check(tag, explain: true);

    private static string? Check(string? tag, bool explain)
    {
        if (!IsWellFormed(tag))
        {
            if (!explain)
                return "";
            var meant = tag is null ? null : LanguageSubtagRegistry.SuggestLanguage(tag);
            return $"'{Echo(tag)}' is not a well-formed BCP 47 language tag" +
                   (meant is null ? $" {Examples}." : $": did you mean {Suggestion(meant, LanguageSubtagRegistry.Describe(LanguageSubtagRegistry.Kind.Language, meant))}?");
        }
        var parts = tag!.Split('-');
        if (parts[0].Equals("x", StringComparison.OrdinalIgnoreCase))
            return null;

        if (!LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Language, parts[0]))
        {
            var meant = explain ? LanguageSubtagRegistry.SuggestLanguage(parts[0]) : null;
            return Refused(tag, parts[0], "a language", meant is null ? null : Replace(parts, 0, meant),
                meant is null ? null : LanguageSubtagRegistry.Describe(LanguageSubtagRegistry.Kind.Language, meant));
        }
        var i = 1;
        for (var extensions = 0; i < parts.Length && parts[0].Length <= 3 && extensions < 3 && IsLetters(parts[i], 3); i++, extensions++)
        {
            if (!LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.ExtendedLanguage, parts[i]))
                return Refused(tag, parts[i], "an extended language", null, null);
        }
        if (i < parts.Length && IsLetters(parts[i], 4))
        {
            if (!LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Script, parts[i]))
                return Refused(tag, parts[i], "a script", null, null);
            i++;
        }
        if (i < parts.Length && (IsLetters(parts[i], 2) || (parts[i].Length == 3 && parts[i].All(char.IsAsciiDigit))))
        {
            if (!LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Region, parts[i]))
            {
                var meant = LanguageSubtagRegistry.SuggestRegion(parts[i]);
                return Refused(tag, parts[i], "a region", meant is null ? null : Replace(parts, i, meant), null);
            }
            i++;
        }
        var variants = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (; i < parts.Length && parts[i].Length > 1; i++)
        {
            if (!LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Variant, parts[i]))
                return Refused(tag, parts[i], "a variant", null, null);
            if (!variants.Add(parts[i]))
                return $"'{Echo(tag)}': '{parts[i]}' is given twice.";
        }
        var singletons = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (; i < parts.Length; i++)
        {
            if (parts[i].Length != 1)
                continue;
            if (parts[i].Equals("x", StringComparison.OrdinalIgnoreCase))
                return null;
            if (!parts[i].Equals("t", StringComparison.OrdinalIgnoreCase) && !parts[i].Equals("u", StringComparison.OrdinalIgnoreCase))
                return $"'{Echo(tag)}': '{parts[i]}' is not a registered extension (only -t- and -u- are; -x- starts a private part).";
            if (!singletons.Add(parts[i]))
                return $"'{Echo(tag)}': '{parts[i]}' is given twice.";
        }
        return null;
    }

    private static string Refused(string tag, string subtag, string what, string? meant, string? description) =>
        (tag.Length == subtag.Length ? $"'{Echo(tag)}' is not {what} {Registry}" : $"'{Echo(tag)}': '{subtag}' is not {what} {Registry}") +
        (meant is null ? $" {Examples}." : $"; did you mean {Suggestion(meant, description)}?");

    private static string Suggestion(string tag, string? description) => description is null ? $"'{tag}'" : $"'{tag}' ({description})";

    private static string Replace(string[] parts, int index, string subtag) =>
        Canonicalize(string.Join('-', parts.Select((p, i) => i == index ? subtag : p)));

    private static bool IsLetters(string text, int length) => text.Length == length && text.All(char.IsAsciiLetter);

    private static string Echo(string? text) => text is null ? "" : text.Length <= MaxEchoed ? text : text[..MaxEchoed] + "…";
}
