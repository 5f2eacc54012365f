using Forums.Api.Domain;

namespace Forums.Api.Http.Validation;

public static class LanguageMaps
{
    /// <summary>The types a language map is written as in requests and answers.</summary>
    public static bool IsLanguageMap(Type type) =>
        type == typeof(Dictionary<string, string>) || type == typeof(IReadOnlyDictionary<string, string>);

    /// <summary>A validated language map with its tags in canonical case and its texts trimmed.</summary>
    public static Dictionary<string, string>? Canonical(IReadOnlyDictionary<string, string>? text) =>
        text?.ToDictionary(p => LanguageTag.Canonicalize(p.Key), p => p.Value.Trim());
}
