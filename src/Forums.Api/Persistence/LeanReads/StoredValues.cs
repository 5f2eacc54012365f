using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Forums.Api.Persistence.LeanReads;

/// <summary>
/// Values as EF Core stores them, read and written without EF. SQLite keeps a Guid as upper-case text, a time as
/// "yyyy-MM-dd HH:mm:ss.FFFFFFF" text, a date as "yyyy-MM-dd" text; SQL Server hands back its native uniqueidentifier,
/// datetime2 and date (as DateTime). On both, an enum is stored by its name, a time without its kind (every stored time
/// is UTC, <see cref="UtcDateTimeConverter"/>), a language map by <see cref="LocalizedTextConverter"/> and a list as
/// a JSON array.
/// </summary>
internal static class StoredValues
{
    public static Guid Id(this DbDataReader row, int ordinal) => row.GetGuid(ordinal);

    public static Guid? NullableId(this DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetGuid(ordinal);

    public static string Text(this DbDataReader row, int ordinal) => row.GetString(ordinal);

    public static string? NullableText(this DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    public static int Number(this DbDataReader row, int ordinal) => row.GetInt32(ordinal);

    public static int? NullableNumber(this DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetInt32(ordinal);

    public static long Version(this DbDataReader row, int ordinal) => row.GetInt64(ordinal);

    public static bool Flag(this DbDataReader row, int ordinal) => row.GetBoolean(ordinal);

    public static T Name<T>(this DbDataReader row, int ordinal) where T : struct, Enum => Enum.Parse<T>(row.GetString(ordinal));

    public static Dictionary<string, string> LanguageMap(this DbDataReader row, int ordinal) => LocalizedTextConverter.FromStored(row.GetString(ordinal));

    public static Dictionary<string, string>? NullableLanguageMap(this DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null : LocalizedTextConverter.FromStored(row.GetString(ordinal));

    public static List<Guid> Ids(this DbDataReader row, int ordinal)
    {
        var stored = row.GetString(ordinal);
        if (!StoredJson.TryStringList(stored, out var texts))
            return JsonSerializer.Deserialize<List<Guid>>(stored) ?? [];
        var ids = new List<Guid>(texts.Count);
        foreach (var text in texts)
        {
            if (!Guid.TryParseExact(text, "D", out var id))
                return JsonSerializer.Deserialize<List<Guid>>(stored) ?? [];
            ids.Add(id);
        }
        return ids;
    }

    public static List<string> Texts(this DbDataReader row, int ordinal) => StoredJson.StringList(row.GetString(ordinal)) ?? [];

    public static DateTime Time(this DbDataReader row, int ordinal) =>
        row.GetFieldType(ordinal) == typeof(string)
            ? SqliteTime(row.GetString(ordinal))
            : DateTime.SpecifyKind(row.GetDateTime(ordinal), DateTimeKind.Utc);

    public static DateTime? NullableTime(this DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.Time(ordinal);

    public static DateOnly? NullableDate(this DbDataReader row, int ordinal) =>
        row.IsDBNull(ordinal) ? null
        : row.GetFieldType(ordinal) == typeof(string) ? SqliteDate(row.GetString(ordinal))
        : row.GetFieldType(ordinal) == typeof(DateTime) ? DateOnly.FromDateTime(row.GetDateTime(ordinal))
        : row.GetFieldValue<DateOnly>(ordinal);

    /// <summary>A parameter's value as SQLite holds it.</summary>
    public static object ForSqlite(object value) => value switch
    {
        Guid id => id.ToString("D").ToUpperInvariant(),
        Enum name => name.ToString(),
        _ => value,
    };

    /// <summary>A parameter's value as SQL Server holds it.</summary>
    public static object ForSqlServer(object value) => value is Enum name ? name.ToString() : value;

    // A page of delegates reads five times a row: EF's text is read by its fixed positions rather than by the culture-
    // aware DateTime.Parse, which any other form still goes through.
    internal static DateTime SqliteTime(string stored)
    {
        var text = stored.AsSpan();
        if (text.Length is 19 or (>= 21 and <= 27) && text[4] == '-' && text[7] == '-' && text[10] == ' ' && text[13] == ':' && text[16] == ':'
            && (text.Length == 19 || text[19] == '.')
            && Digits(text[..4], out var year) && Digits(text.Slice(5, 2), out var month) && Digits(text.Slice(8, 2), out var day)
            && Digits(text.Slice(11, 2), out var hour) && Digits(text.Slice(14, 2), out var minute) && Digits(text.Slice(17, 2), out var second)
            && (text.Length == 19 || Digits(text[20..], out _)))
        {
            var ticks = 0L;
            if (text.Length > 19)
            {
                var fraction = text[20..];
                for (var i = 0; i < 7; i++)
                    ticks = ticks * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
            }
            return new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks);
        }
        return DateTime.SpecifyKind(DateTime.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc);
    }

    // A forum's row holds two dates: read by their fixed positions too, not by the culture-aware exact parser.
    internal static DateOnly SqliteDate(string stored)
    {
        var text = stored.AsSpan();
        return text.Length == 10 && text[4] == '-' && text[7] == '-'
               && Digits(text[..4], out var year) && Digits(text.Slice(5, 2), out var month) && Digits(text.Slice(8, 2), out var day)
               && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : DateOnly.ParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static bool Digits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
