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
