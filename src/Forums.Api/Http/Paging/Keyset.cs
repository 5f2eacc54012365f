using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Http.Paging;

/// <summary>
/// The one keyset-paging pipeline of every list: the rows after the cursor's sort key, in the order of that key, one
/// more than the page to learn whether another follows. A deep page costs what the first page costs.
/// </summary>
public static class Keyset
{
    private static readonly System.Reflection.MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>A page projected in SQL.</summary>
    public static Task<Page<TRow>> PageAsync<TEntity, TRow>(this IQueryable<TEntity> query, Expression<Func<TEntity, string>> sortKey,
        string? cursor, int? limit, Expression<Func<TEntity, TRow>> projection, Func<TRow, string> rowKey, CancellationToken ct) =>
        query.PageAsync(sortKey, cursor, limit, (page, c) => page.Select(projection).ToListAsync(c), rowKey, ct);

    /// <summary>A page whose rows are loaded by <paramref name="load"/> (for rows that need more than one projection).</summary>
    public static async Task<Page<TRow>> PageAsync<TEntity, TRow>(this IQueryable<TEntity> query, Expression<Func<TEntity, string>> sortKey,
        string? cursor, int? limit, Func<IQueryable<TEntity>, CancellationToken, Task<List<TRow>>> load, Func<TRow, string> rowKey, CancellationToken ct)
    {
        var take = limit ?? PageLimit.Default;
        if (Cursor.TryDecode(cursor, out var after))
            query = query.Where(After(sortKey, after));
        var rows = await load(query.OrderBy(sortKey).Take(take + 1), ct);
        return Cursor.ToPage(rows, take, rowKey);
    }

    /// <summary><c>string.Compare(key, after) &gt; 0</c>, with <paramref name="after"/> sent as a parameter.</summary>
    private static Expression<Func<TEntity, bool>> After<TEntity>(Expression<Func<TEntity, string>> sortKey, string after)
    {
        Expression<Func<string>> value = () => after;
        return Expression.Lambda<Func<TEntity, bool>>(
            Expression.GreaterThan(Expression.Call(Compare, sortKey.Body, value.Body), Expression.Constant(0)), sortKey.Parameters);
    }
}
