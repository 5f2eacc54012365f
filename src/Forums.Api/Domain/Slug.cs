using System.Text.RegularExpressions;

namespace Forums.Api.Domain;

public static partial class Slug
{
    public const int MinLength = 3;
    public const int MaxLength = 100;
    // \z, not $: in .NET $ also matches before a final line break, and "slug\n" passed.
    public const string Pattern = @"^[a-z0-9]+(?:-[a-z0-9]+)*\z";

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Grammar();

    /// <summary>Lower-case ASCII letters and digits in words joined by single hyphens.</summary>
    public static bool IsValid(string? slug) =>
        slug is { Length: >= MinLength and <= MaxLength } && Grammar().IsMatch(slug);
}
