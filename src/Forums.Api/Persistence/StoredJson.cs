using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Forums.Api.Persistence;

/// <summary>
/// Reads the two JSON shapes the columns hold — an object of strings (a language map) and an array of strings — as
/// System.Text.Json reads them, without its converter machinery: a forum's row holds six of them and every read of a
/// forum or delegate parses them. Only the form the serializer writes is taken (no whitespace, no duplicate keys,
/// well-formed escapes and surrogate pairs); anything else goes to System.Text.Json, so a row reads the same either way.
/// </summary>
internal static class StoredJson
{
    public static Dictionary<string, string>? StringMap(string stored)
    {
        if (TryStringMap(stored, out var map))
            return map;
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stored);
    }

    public static List<string>? StringList(string stored)
    {
        if (TryStringList(stored, out var list))
            return list;
        return JsonSerializer.Deserialize<List<string>>(stored);
    }

    /// <summary>
    /// Writes a stored map as the writer writes the map <see cref="StringMap"/> reads from it (an empty one for a stored
    /// null): the stored text itself when it is in the serializer's form and holds nothing the writer's encoder would
    /// escape, since then the two are the same bytes; else the map, read and written entry by entry.
    /// </summary>
    public static void WriteStringMap(Utf8JsonWriter writer, string stored)
    {
        if (IsPlain(writer, stored, '{', '}', keyed: true))
        {
            writer.WriteRawValue(stored, skipInputValidation: true);
            return;
        }
        writer.WriteStartObject();
        foreach (var (key, value) in StringMap(stored) ?? [])
            writer.WriteString(key, value);
        writer.WriteEndObject();
    }

    /// <summary>Writes a stored list as the writer writes the list <see cref="StringList"/> reads from it (an empty one for a stored null), as <see cref="WriteStringMap"/> does.</summary>
    public static void WriteStringList(Utf8JsonWriter writer, string stored)
    {
        if (IsPlain(writer, stored, '[', ']', keyed: false))
        {
            writer.WriteRawValue(stored, skipInputValidation: true);
            return;
        }
        writer.WriteStartArray();
        foreach (var value in StringList(stored) ?? [])
            writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    // Per encoder: the characters it escapes (a backslash among them, so a stored text with an escape is never plain) and
    // every surrogate (the pairs it escapes, the lone ones it replaces).
    private static readonly ConcurrentDictionary<JavaScriptEncoder, SearchValues<char>> Escaped = new(ReferenceEqualityComparer.Instance);

    private static SearchValues<char> EscapedBy(JavaScriptEncoder encoder) => Escaped.GetOrAdd(encoder, e =>
    {
        var chars = new List<char>();
        for (var c = 0; c <= char.MaxValue; c++)
            if (char.IsSurrogate((char)c) || (c != '"' && e.WillEncode(c)))
                chars.Add((char)c);
        return SearchValues.Create([.. chars]);
    });

    // The serializer's form with nothing to escape: no backslash, so every quote opens or closes a string; no whitespace
    // or anything else between the strings; for a map, no key twice.
    private static bool IsPlain(Utf8JsonWriter writer, string stored, char open, char close, bool keyed)
    {
        var json = stored.AsSpan();
        if (json.Length < 2 || json[0] != open || json[^1] != close || json.IndexOfAny(EscapedBy(writer.Options.Encoder ?? JavaScriptEncoder.Default)) >= 0)
            return false;
        if (json.Length == 2)
            return true;
        var at = 1;
        while (true)
        {
            var keyAt = at;
            if (!TryPlainString(json, ref at))
                return false;
            if (keyed)
            {
                if (at >= json.Length || json[at++] != ':' || !TryPlainString(json, ref at) || HasKeyBefore(json, keyAt))
                    return false;
            }
            if (at >= json.Length)
                return false;
            var next = json[at++];
            if (next == close)
                return at == json.Length;
            if (next != ',')
                return false;
        }
    }

    private static bool TryPlainString(ReadOnlySpan<char> json, ref int at)
    {
        if (at >= json.Length || json[at] != '"')
            return false;
        var end = json[(at + 1)..].IndexOf('"');
        if (end < 0)
            return false;
        at += end + 2;
        return true;
    }

    // Whether the key starting at json[keyAt] (its opening quote) appears as an earlier key of the same map.
    private static bool HasKeyBefore(ReadOnlySpan<char> json, int keyAt)
    {
        var key = json[keyAt..(keyAt + 2 + json[(keyAt + 1)..].IndexOf('"'))];
        for (var at = 1; at < keyAt;)
        {
            var start = at;
            TryPlainString(json, ref at);
            if (json[start..at].SequenceEqual(key))
                return true;
            at++; // ':'
            TryPlainString(json, ref at);
            at++; // ','
        }
        return false;
    }

    internal static bool TryStringMap(ReadOnlySpan<char> json, out Dictionary<string, string> map)
    {
        map = new Dictionary<string, string>(4);
        if (json.Length < 2 || json[0] != '{')
            return false;
        var at = 1;
        if (json[at] == '}')
            return at + 1 == json.Length;
        while (true)
        {
            if (!TryString(json, ref at, out var key) || at >= json.Length || json[at++] != ':'
                || !TryString(json, ref at, out var value) || !map.TryAdd(key, value) || at >= json.Length)
                return false;
            var next = json[at++];
            if (next == '}')
                return at == json.Length;
            if (next != ',')
                return false;
        }
    }

    internal static bool TryStringList(ReadOnlySpan<char> json, out List<string> list)
    {
        list = new List<string>(4);
        if (json.Length < 2 || json[0] != '[')
            return false;
        var at = 1;
        if (json[at] == ']')
            return at + 1 == json.Length;
        while (true)
        {
            if (!TryString(json, ref at, out var value) || at >= json.Length)
                return false;
            list.Add(value);
            var next = json[at++];
            if (next == ']')
                return at == json.Length;
            if (next != ',')
                return false;
        }
    }

    // A JSON string starting at json[at]: moves past its closing quote.
    private static bool TryString(ReadOnlySpan<char> json, ref int at, out string text)
    {
        text = "";
        if (at >= json.Length || json[at] != '"')
            return false;
        var start = ++at;
        var plain = json[start..].IndexOfAny('"', '\\');
        if (plain < 0)
            return false;
        if (json[start + plain] == '"')
        {
            var run = json.Slice(start, plain);
            if (run.IndexOfAnyInRange('\0', '\u001f') >= 0 || !Paired(run))
                return false;
            text = run.ToString();
            at = start + plain + 1;
            return true;
        }
        return TryEscaped(json, ref at, out text);
    }

    private static bool TryEscaped(ReadOnlySpan<char> json, ref int at, out string text)
    {
        text = "";
        var builder = new System.Text.StringBuilder(json.Length - at);
        while (at < json.Length)
        {
            var c = json[at++];
            if (c == '"')
            {
                text = builder.ToString();
                return Paired(text);
            }
            if (c < ' ')
                return false;
            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }
            if (at >= json.Length)
                return false;
            switch (json[at++])
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when at + 4 <= json.Length
                              && ushort.TryParse(json.Slice(at, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code):
                    builder.Append((char)code);
                    at += 4;
                    break;
                default: return false;
            }
        }
        return false;
    }

    // Every surrogate in a pair: a text the reader would refuse or replace goes to it instead.
    private static bool Paired(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
            return true;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                    return false;
                i++;
            }
            else if (char.IsLowSurrogate(c))
                return false;
        }
        return true;
    }
}
