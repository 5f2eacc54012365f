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
}
