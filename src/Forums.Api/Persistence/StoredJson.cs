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
