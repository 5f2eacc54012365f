using System.Text.Json.Nodes;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>
/// Words no other row holds, one per searched field, so that a search for one finds the row through that field alone:
/// leaving the field out of the search text makes the search find nothing.
/// </summary>
public static class SearchWords
{
    private const string KazakhLetters = "әғқңөұүһіабвгдеж";

    /// <summary>Ten lower-case Kazakh letters (searched for in upper case: the fold of Cyrillic case is part of the rule).</summary>
    public static string Cyrillic() => new(Guid.NewGuid().ToString("N")[..10].Select(c => KazakhLetters[Convert.ToInt32(c.ToString(), 16)]).ToArray());

    public static string Latin() => "w" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A language map whose second language holds the word: every language of a map is searched, not the first alone.</summary>
    public static JsonObject InSecondLanguage(string word) => new() { ["kk"] = "Сынақ", ["en"] = $"Test {word}" };
}
