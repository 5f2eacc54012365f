using System.Buffers;
using System.Collections.Frozen;
using System.Data.Common;
using System.Text;
using System.Text.Json;

namespace Forums.Api.Persistence.LeanReads;

/// <summary>
/// How one table row is written as a response's JSON, property by property, in the order and form the response type
/// serialises to (tests hold the two byte for byte). The hottest reads use it to go from the database reader straight
/// to UTF-8 JSON: no entity, no value converters, no response object.
/// </summary>
public sealed class RowShape
{
    public RowShape(string table, string[] keys, string versionColumn, string? statusColumn, params JsonField[] fields)
    {
        Fields = fields;
        // Reader order: the version, the status if any, then the fields' columns.
        string[] columns = [versionColumn, .. statusColumn is null ? Array.Empty<string>() : [statusColumn], .. Flatten(fields).Select(f => f.Column!)];
        HasStatus = statusColumn is not null;
        var offset = HasStatus ? 2 : 1;
        foreach (var (field, index) in Flatten(fields).Select((f, i) => (f, i)))
            field.Ordinal = offset + index;
        Query = new LeanQuery(table, columns, keys);
    }

    /// <summary>The SELECT of the row, by its keys.</summary>
    public LeanQuery Query { get; }

    public JsonField[] Fields { get; }

    public bool HasStatus { get; }

    private static IEnumerable<JsonField> Flatten(IEnumerable<JsonField> fields) =>
        fields.SelectMany(f => f.Children is null ? [f] : Flatten(f.Children));

    public void Write(Utf8JsonWriter writer, DbDataReader reader) => WriteObject(writer, reader, Fields);

    private static void WriteObject(Utf8JsonWriter writer, DbDataReader reader, JsonField[] fields)
    {
        writer.WriteStartObject();
        foreach (var field in fields)
        {
            writer.WritePropertyName(field.Name);
            if (field.Children is not null)
                WriteObject(writer, reader, field.Children);
            else if (reader.IsDBNull(field.Ordinal))
                writer.WriteNullValue();
            else
                field.WriteValue(writer, reader);
        }
        writer.WriteEndObject();
    }
}

public enum ColumnKind
{
    Guid,
    Text,
    /// <summary>A language map or list stored as JSON text: copied token by token, re-escaped as the API escapes.</summary>
    Json,
    /// <summary>A UTC time (both engines store it without its kind).</summary>
    UtcTime,
    Date,
    /// <summary>A 32-bit integer.</summary>
    Integer,
    Boolean,
    /// <summary>An enum stored by its name, written as the API's camelCase name.</summary>
    EnumName,
}

/// <summary>One JSON property: a column's value, or an object of child properties.</summary>
public sealed class JsonField
{
    private readonly FrozenDictionary<string, JsonEncodedText>? enumNames;

    private JsonField(string name, string? column, ColumnKind kind, JsonField[]? children, FrozenDictionary<string, JsonEncodedText>? enumNames)
    {
        Name = JsonEncodedText.Encode(name);
        Column = column;
        Kind = kind;
        Children = children;
        this.enumNames = enumNames;
    }

    public JsonEncodedText Name { get; }
    public string? Column { get; }
    public ColumnKind Kind { get; }
    public JsonField[]? Children { get; }
    internal int Ordinal { get; set; }

    public static JsonField Of(string name, string column, ColumnKind kind) => new(name, column, kind, null, null);

    public static JsonField Object(string name, params JsonField[] children) => new(name, null, ColumnKind.Text, children, null);

    public static JsonField Enum<TEnum>(string name, string column) where TEnum : struct, System.Enum =>
        new(name, column, ColumnKind.EnumName, null, System.Enum.GetNames<TEnum>().ToFrozenDictionary(
            n => n, n => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(n))));

    internal void WriteValue(Utf8JsonWriter writer, DbDataReader reader)
    {
        switch (Kind)
        {
            case ColumnKind.Guid:
                writer.WriteStringValue(reader.GetGuid(Ordinal));
                break;
            case ColumnKind.Text:
                writer.WriteStringValue(reader.GetString(Ordinal));
                break;
            case ColumnKind.Json:
                CopyJson(writer, reader.GetString(Ordinal));
                break;
            case ColumnKind.UtcTime:
                WriteUtcTime(writer, reader);
                break;
            case ColumnKind.Date:
                writer.WriteStringValue(reader.GetFieldValue<DateOnly>(Ordinal).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ColumnKind.Integer:
                writer.WriteNumberValue(reader.GetInt32(Ordinal));
                break;
            case ColumnKind.Boolean:
                writer.WriteBooleanValue(reader.GetBoolean(Ordinal));
                break;
            case ColumnKind.EnumName:
                writer.WriteStringValue(enumNames![reader.GetString(Ordinal)]);
                break;
            default:
                throw new InvalidOperationException($"No writer for {Kind}.");
        }
    }

    // EF Core keeps a time on SQLite as text, "yyyy-MM-dd HH:mm:ss.FFFFFFF"; the serializer writes the same digits as
    // "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ" (trailing zeros trimmed alike). So that text is rewritten, not parsed and
    // formatted again; any other form (and SQL Server's datetime2) goes through DateTime.
    private void WriteUtcTime(Utf8JsonWriter writer, DbDataReader reader)
    {
        if (reader.GetFieldType(Ordinal) == typeof(string))
        {
            var stored = reader.GetString(Ordinal);
            if (stored.Length is 19 or (>= 21 and <= 27) && stored[10] == ' ' && stored[4] == '-' && stored[13] == ':'
                && (stored.Length == 19 || (stored[19] == '.' && stored[^1] != '0')) && Ascii.IsValid(stored))
            {
                Span<byte> iso = stackalloc byte[28];
                var length = Encoding.ASCII.GetBytes(stored, iso);
                iso[10] = (byte)'T';
                iso[length] = (byte)'Z';
                writer.WriteStringValue(iso[..(length + 1)]);
                return;
            }
        }
        writer.WriteStringValue(DateTime.SpecifyKind(reader.GetDateTime(Ordinal), DateTimeKind.Utc));
    }

    // Characters the converters' encoder writes as they are but the API's encoder escapes (and escapes, surrogates).
    private static readonly SearchValues<char> EscapedDifferently = SearchValues.Create("\\<>&'+`");

    // Stored JSON (written by the value converters, with their own escaping) is copied as it is when nothing in it
    // escapes differently, else re-written token by token: either way the answer escapes exactly as the serializer would.
    private static void CopyJson(Utf8JsonWriter writer, string stored)
    {
        var text = stored.AsSpan();
        if (text.IndexOfAny(EscapedDifferently) < 0 && text.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            writer.WriteRawValue(text, skipInputValidation: true);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(stored.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(stored, rented);
            var json = new Utf8JsonReader(rented.AsSpan(0, length));
            while (json.Read())
            {
                switch (json.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName:
                        if (json.ValueIsEscaped) writer.WritePropertyName(json.GetString()!); else writer.WritePropertyName(json.ValueSpan);
                        break;
                    case JsonTokenType.String:
                        if (json.ValueIsEscaped) writer.WriteStringValue(json.GetString()); else writer.WriteStringValue(json.ValueSpan);
                        break;
                    case JsonTokenType.Null: writer.WriteNullValue(); break;
                    case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                    case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                    case JsonTokenType.Number: writer.WriteRawValue(json.ValueSpan, skipInputValidation: true); break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
