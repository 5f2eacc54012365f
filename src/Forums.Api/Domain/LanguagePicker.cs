namespace Forums.Api.Domain;

/// <summary>Which text of a language map one reader gets: every answer that shows one language (exports, calendars) picks here.</summary>
public static class LanguagePicker
{
    /// <summary>The text in the wanted language (its tag in any case), else English, else the first one given; null for no text.</summary>
    public static string? Pick(IReadOnlyDictionary<string, string>? text, string? wanted = null)
    {
        if (text is null || text.Count == 0)
            return null;
        if (wanted is not null && text.FirstOrDefault(p => string.Equals(p.Key, wanted, StringComparison.OrdinalIgnoreCase)).Value is { } exact)
            return exact;
        return text.TryGetValue("en", out var english) ? english : text.Values.First();
    }

    /// <summary>The map as a reader is shown it: every language when the reader asked for none (null), else <see cref="Only"/>.</summary>
    public static Dictionary<string, string>? ShownIn(Dictionary<string, string>? text, string? language) =>
        language is null ? text : Only(text, language);

    /// <summary>The map cut to the one text <see cref="Pick"/> gives, under its own tag; null for no text.</summary>
    public static Dictionary<string, string>? Only(IReadOnlyDictionary<string, string>? text, string? wanted)
    {
        if (text is null || text.Count == 0)
            return null;
        var entry = wanted is not null && text.Any(p => string.Equals(p.Key, wanted, StringComparison.OrdinalIgnoreCase))
            ? text.First(p => string.Equals(p.Key, wanted, StringComparison.OrdinalIgnoreCase))
            : text.TryGetValue("en", out var english) ? new KeyValuePair<string, string>("en", english) : text.First();
        return new Dictionary<string, string> { [entry.Key] = entry.Value };
    }
}
