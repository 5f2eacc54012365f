using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Forums.Api.Persistence;

/// <summary>Both engines store DateTime without its kind; every stored time is UTC, so it is read back as UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>A language map (BCP 47 tag → text) stored as one JSON text column, readable in any script.</summary>
public sealed class LocalizedTextConverter() : ValueConverter<Dictionary<string, string>, string>(v => ToStored(v), v => FromStored(v))
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToStored(Dictionary<string, string> text) => JsonSerializer.Serialize(text, Options);

    /// <summary>The map as EF reads it back; the lean read path reads it the same way.</summary>
    public static Dictionary<string, string> FromStored(string stored) => StoredJson.StringMap(stored) ?? new Dictionary<string, string>();
}

public sealed class LocalizedTextComparer() : ValueComparer<Dictionary<string, string>>(
    (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
    v => v.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
    v => new Dictionary<string, string>(v));
