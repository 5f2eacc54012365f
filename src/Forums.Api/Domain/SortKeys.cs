using System.Globalization;

namespace Forums.Api.Domain;

/// <summary>
/// Unique, comparable keys for keyset paging: what orders the items, then the id, so that equal names or orders still
/// page in one fixed order and a cursor is one string compared with one index seek on both engines. Each kind of key is
/// built and recognised here, so a list's cursor check cannot drift from the entity that writes the key.
/// </summary>
public static class SortKeys
{
    public const int NameLength = 120;
    /// <summary>Digits of a programme order in its key: <see cref="Session.MaxOrder"/> fits.</summary>
    public const int OrderDigits = 6;
    private const char Separator = '\u001f';
    private const int IdPart = 33;

    /// <summary>Name order: the folded name (cut to <see cref="NameLength"/>), then the id.</summary>
    public static string For(string name, Guid id)
    {
        var folded = SearchNormalizer.Normalize(name);
        return $"{(folded.Length > NameLength ? folded[..NameLength] : folded)}{Separator}{id:N}";
    }

    public static bool IsWellFormed(string key) => key.Length is > IdPart and <= NameLength + IdPart && EndsWithId(key);

    /// <summary>Programme order: the order zero-padded (so that text order is number order), then the id.</summary>
    public static string ForOrder(int order, Guid id) =>
        order is >= 0 and <= Session.MaxOrder
            ? $"{order.ToString(CultureInfo.InvariantCulture).PadLeft(OrderDigits, '0')}{Separator}{id:N}"
            : throw new ArgumentOutOfRangeException(nameof(order));

    public static bool IsWellFormedForOrder(string key) =>
        key.Length == OrderDigits + IdPart && !key.AsSpan(0, OrderDigits).ContainsAnyExceptInRange('0', '9') && EndsWithId(key);

    private static bool EndsWithId(string key) => key[^IdPart] == Separator && Guid.TryParseExact(key[^32..], "N", out _);
}
