namespace Forums.Api.Domain;

/// <summary>An entity found by words: its <see cref="SearchText"/> is every searched text folded by <see cref="SearchNormalizer"/>.</summary>
public interface ISearchable
{
    string SearchText { get; }
}

public static class Searching
{
    /// <summary>The entities whose search text holds the words, folded alike; all of them when there are none.</summary>
    public static IQueryable<T> Matching<T>(this IQueryable<T> entities, string? words) where T : class, ISearchable
    {
        if (words is null)
            return entities;
        var needle = SearchNormalizer.Normalize(words);
        return entities.Where(e => e.SearchText.Contains(needle));
    }
}
