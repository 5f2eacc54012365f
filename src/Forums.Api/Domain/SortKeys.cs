namespace Forums.Api.Domain;

/// <summary>
/// A unique, comparable key for keyset paging in name order: the folded name, then the id, so that equal names
/// still page in one fixed order and a cursor is one string compared with one index seek on both engines.
/// </summary>
public static class SortKeys
{
    public const int NameLength = 120;

    public static string For(string name, Guid id)
    {
        var folded = SearchNormalizer.Normalize(name);
        return $"{(folded.Length > NameLength ? folded[..NameLength] : folded)}\u001f{id:N}";
    }

    public static bool IsWellFormed(string key) =>
        key.Length is > 33 and <= NameLength + 33 && key[^33] == '\u001f' && Guid.TryParseExact(key[^32..], "N", out _);
}
