using System.Text;

namespace Forums.Api.Domain;

/// <summary>
/// Folds text for search in application code: SQLite's lower() and LIKE fold only ASCII,
/// so the database compares text that was already folded here.
/// </summary>
public static class SearchNormalizer
{
    public static string Normalize(string text) =>
        text.Normalize(NormalizationForm.FormC).ToLowerInvariant().Trim();

    /// <summary>Every language's text of a language map (none when the map is unset).</summary>
    public static IEnumerable<string> Texts(IReadOnlyDictionary<string, string>? text) => text is null ? [] : text.Values;

    public static string Join(IEnumerable<string> parts) =>
        string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Normalize));
}
