using System.Buffers.Text;
using System.Data.Common;
using System.Text;
using System.Text.Json;

namespace Forums.Api.Http.Paging;

/// <summary>One page of a keyset-paged list; <c>nextCursor</c> is null on the last page.</summary>
/// <param name="Items">The page's items in the list's order: at most the limit asked for (20 by default).</param>
/// <param name="NextCursor">Send it as cursor to read the next page; null on the last page. Opaque: pass it on unchanged.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

public static class PageLimit
{
    public const int Default = 20;
    public const int Max = 100;
}

/// <summary>Opaque cursors: the sort key of the last item of a page, base64url-encoded.</summary>
public static class Cursor
{
    public static string Encode(string sortKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(sortKey));

    public static bool TryDecode(string? cursor, out string sortKey)
    {
        sortKey = "";
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 400 || !Base64Url.IsValid(cursor))
            return false;
        try
        {
            sortKey = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(cursor));
            return sortKey.Length > 0;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes a page straight from its rows, as the serializer writes <see cref="ToPage{T}"/>'s page of them: up to
    /// <paramref name="limit"/> rows by <paramref name="writeRow"/>, and a cursor after the last when one more row follows.
    /// </summary>
    public static void WritePage(Utf8JsonWriter writer, DbDataReader rows, int limit, Action<Utf8JsonWriter, DbDataReader> writeRow, int sortKeyOrdinal)
    {
        writer.WriteStartObject();
        writer.WriteStartArray(PageNames.Items);
        string? last = null;
        for (var written = 0; rows.Read(); written++)
        {
            if (written == limit)
            {
                writer.WriteEndArray();
                writer.WriteString(PageNames.NextCursor, Encode(last!));
                writer.WriteEndObject();
                return;
            }
            writeRow(writer, rows);
            if (written == limit - 1)
                last = rows.GetString(sortKeyOrdinal);
        }
        writer.WriteEndArray();
        writer.WriteNull(PageNames.NextCursor);
        writer.WriteEndObject();
    }

    private static class PageNames
    {
        public static readonly JsonEncodedText Items = Of(nameof(Page<object>.Items)), NextCursor = Of(nameof(Page<object>.NextCursor));

        private static JsonEncodedText Of(string property) => JsonEncodedText.Encode(ApiJson.Options.PropertyNamingPolicy!.ConvertName(property));
    }

    /// <summary>Takes one row more than the page to learn whether another page follows.</summary>
    public static Page<T> ToPage<T>(List<T> rows, int limit, Func<T, string> sortKey) =>
        rows.Count > limit
            ? new Page<T>(rows.GetRange(0, limit), Encode(sortKey(rows[limit - 1])))
            : new Page<T>(rows, null);
}
