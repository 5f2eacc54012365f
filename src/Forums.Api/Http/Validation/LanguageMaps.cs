using Forums.Api.Domain;

namespace Forums.Api.Http.Validation;

public static class LanguageMaps
{
    /// <summary>A validated language map with its tags in canonical case and its texts trimmed.</summary>
    public static Dictionary<string, string>? Canonical(IReadOnlyDictionary<string, string>? text) =>
        text?.ToDictionary(p => LanguageTag.Canonicalize(p.Key), p => p.Value.Trim());
}
