namespace Forums.Api.Domain;

/// <summary>Text people read, as a map from BCP 47 tags to the text in that language.</summary>
public static class LanguageText
{
    /// <summary>
    /// The entity's own copy of a map it is given, so that a caller who keeps the map cannot change the entity
    /// behind its rules (null stays null).
    /// </summary>
    public static Dictionary<string, string>? Copy(IReadOnlyDictionary<string, string>? text) =>
        text?.ToDictionary(p => p.Key, p => p.Value);
}
