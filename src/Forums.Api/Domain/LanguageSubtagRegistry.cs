using System.Collections.Frozen;

namespace Forums.Api.Domain;

/// <summary>
/// The IANA Language Subtag Registry (BCP 47, RFC 5646 §3), embedded as LanguageSubtagRegistry.txt beside this file:
/// its language, extended language, script, region and variant subtags with their descriptions, trimmed from the
/// registry file of <see cref="FileDate"/> (the file's header says where it came from). A tag is valid when each of its
/// subtags is registered (<see cref="LanguageTag.Explain"/>); what was probably meant by one that is not comes from here.
/// </summary>
public static class LanguageSubtagRegistry
{
    public enum Kind { Language, ExtendedLanguage, Script, Region, Variant }

    private const string ResourceName = "Forums.Api.Domain.LanguageSubtagRegistry.txt";

    private static readonly Lazy<Data> Registry = new(Load);

    /// <summary>The File-Date of the registry this copy was trimmed from.</summary>
    public static string FileDate => Registry.Value.FileDate;

    /// <summary>How many subtags the copy holds, ranges written out.</summary>
    public static int Count => Registry.Value.Subtags.Values.Sum(s => s.Count);

    public static bool Has(Kind kind, string subtag) => Registry.Value.Subtags[kind].ContainsKey(subtag);

    /// <summary>The first description of a registered subtag (e.g. "Kazakh" for kk), or null.</summary>
    public static string? Describe(Kind kind, string subtag) => Registry.Value.Subtags[kind].GetValueOrDefault(subtag);

    /// <summary>
    /// Codes and names that people write for a language and that the registry does not have: country codes taken for
    /// language codes (kz for kk, cn for zh), ISO 639-2/3 codes of languages the registry writes with two letters (kaz,
    /// rus), and names in the language itself (қазақша, русский, 한국어). English names come from the registry itself.
    /// </summary>
    public static readonly IReadOnlyList<(string Wrong, string Meant)> HandWrittenSuggestions =
    [
        // ISO 3166-1 country codes that are no language subtag, taken for the country's main language
        ("kz", "kk"), ("cn", "zh"), ("jp", "ja"), ("ua", "uk"), ("gr", "el"), ("dk", "da"), ("cz", "cs"), ("rs", "sr"),
        ("by", "be"), ("tj", "tg"), ("tm", "tk"), ("us", "en"), ("gb", "en"), ("au", "en"), ("nz", "en"), ("vn", "vi"),
        ("ir", "fa"), ("il", "he"), ("pk", "ur"), ("at", "de"), ("mx", "es"), ("al", "sq"), ("ge", "ka"), ("eg", "ar"),
        ("iq", "ar"), ("sy", "ar"), ("jo", "ar"), ("qa", "ar"), ("ye", "ar"), ("kh", "km"), ("mm", "my"), ("bd", "bn"),
        ("np", "ne"), ("lk", "si"), ("md", "ro"), ("ke", "sw"), ("tz", "sw"), ("ph", "fil"),
        // ISO 639-2/3 codes where the registry has the ISO 639-1 code
        ("kaz", "kk"), ("rus", "ru"), ("kor", "ko"), ("eng", "en"), ("uzb", "uz"), ("kir", "ky"), ("tgk", "tg"),
        ("tuk", "tk"), ("zho", "zh"), ("chi", "zh"), ("jpn", "ja"), ("deu", "de"), ("ger", "de"), ("fra", "fr"),
        ("fre", "fr"), ("spa", "es"), ("tur", "tr"), ("ara", "ar"), ("ukr", "uk"), ("aze", "az"), ("tat", "tt"),
        ("bak", "ba"), ("mon", "mn"), ("per", "fa"), ("fas", "fa"), ("hin", "hi"), ("ita", "it"), ("por", "pt"),
        // Names in the language itself
        ("қазақ", "kk"), ("қазақша", "kk"), ("қазақ тілі", "kk"), ("qazaq", "kk"), ("qazaqsha", "kk"), ("qazaqşa", "kk"),
        ("русский", "ru"), ("русский язык", "ru"), ("по-русски", "ru"),
        ("한국어", "ko"), ("한국말", "ko"), ("조선말", "ko"), ("조선어", "ko"),
        ("oʻzbek", "uz"), ("o'zbek", "uz"), ("o‘zbek", "uz"), ("ўзбек", "uz"), ("ўзбекча", "uz"), ("o'zbekcha", "uz"), ("ozbek", "uz"),
        ("кыргыз", "ky"), ("кыргызча", "ky"), ("тоҷикӣ", "tg"), ("türkmen", "tk"), ("türkmençe", "tk"),
        ("中文", "zh"), ("汉语", "zh"), ("漢語", "zh"), ("普通话", "zh"), ("日本語", "ja"), ("deutsch", "de"), ("français", "fr"),
        ("francais", "fr"), ("español", "es"), ("espanol", "es"), ("türkçe", "tr"), ("turkce", "tr"), ("українська", "uk"),
        ("العربية", "ar"), ("فارسی", "fa"), ("монгол", "mn"), ("татарча", "tt"), ("azərbaycan", "az"),
    ];

    /// <summary>Region codes people write that the registry does not have.</summary>
    public static readonly IReadOnlyList<(string Wrong, string Meant)> HandWrittenRegions = [("UK", "GB"), ("EN", "GB")];

    private static readonly FrozenDictionary<string, string> LanguagesByHand =
        HandWrittenSuggestions.DistinctBy(s => s.Wrong).ToFrozenDictionary(s => s.Wrong, s => s.Meant, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> RegionsByHand =
        HandWrittenRegions.ToFrozenDictionary(s => s.Wrong, s => s.Meant, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The language subtag that <paramref name="written"/> probably means: a code or name above, an English name the
    /// registry gives (korean, Kazakh), or one of them misspelt by a letter or two (kazak, russain); null when nothing is close.
    /// </summary>
    public static string? SuggestLanguage(string written)
    {
        var text = written.Trim();
        if (text.Length is 0 or > MaxSuggestedLength)
            return null;
        if (LanguagesByHand.TryGetValue(text, out var meant))
            return meant;
        var data = Registry.Value;
        if (data.ByName.TryGetValue(text, out var named))
            return named;
        // Near misses of a name, never of a code: two or three letters are a code, and every code is a letter away from dozens.
        if (text.Length < 4)
            return null;
        var lower = text.ToLowerInvariant();
        var allowed = lower.Length >= 6 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (name, subtag) in data.Names)
        {
            if (Math.Abs(name.Length - lower.Length) > allowed)
                continue;
            var distance = EditDistance.Within(lower, name, Math.Min(allowed, bestDistance));
            if (distance < bestDistance || (distance == bestDistance && best is not null && subtag.Length < best.Length))
                (best, bestDistance) = (subtag, distance);
        }
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>The region code that <paramref name="written"/> probably means (UK for GB), or null.</summary>
    public static string? SuggestRegion(string written) => RegionsByHand.GetValueOrDefault(written);

    private const int MaxSuggestedLength = 40;

    private sealed record Data(
        string FileDate,
        Dictionary<Kind, FrozenDictionary<string, string>> Subtags,
        FrozenDictionary<string, string> ByName,
        (string Name, string Subtag)[] Names);

    private static Data Load()
    {
        using var stream = typeof(LanguageSubtagRegistry).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var fileDate = "";
        var subtags = Enum.GetValues<Kind>().ToDictionary(k => k, _ => new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        // An English name leads to the language's subtag; the shortest subtag wins (kk, not a dialect's three letters),
        // and a deprecated subtag only when no other has the name.
        var byName = new Dictionary<string, (string Subtag, bool Deprecated)>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith("# File-Date: ", StringComparison.Ordinal))
                fileDate = line["# File-Date: ".Length..].Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            var columns = line.Split('\t');
            var kind = columns[0] switch
            {
                "language" => Kind.Language, "extlang" => Kind.ExtendedLanguage, "script" => Kind.Script,
                "region" => Kind.Region, "variant" => Kind.Variant,
                _ => throw new InvalidOperationException($"Unknown subtag type in {ResourceName}: {columns[0]}"),
            };
            var descriptions = columns[2].Split(" | ");
            var deprecated = columns.Length > 3 && columns[3].StartsWith('!');
            foreach (var subtag in Expand(columns[1]))
                subtags[kind].TryAdd(subtag, descriptions[0]);
            if (kind != Kind.Language || columns[1].Contains("..", StringComparison.Ordinal))
                continue;
            foreach (var name in descriptions)
            {
                if (!byName.TryGetValue(name, out var known) || Better((columns[1], deprecated), known))
                    byName[name] = (columns[1], deprecated);
            }
        }
        return new Data(
            fileDate,
            subtags.ToDictionary(s => s.Key, s => s.Value.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)),
            byName.ToFrozenDictionary(n => n.Key, n => n.Value.Subtag, StringComparer.OrdinalIgnoreCase),
            [.. byName.Select(n => (n.Key.ToLowerInvariant(), n.Value.Subtag))]);
    }

    private static bool Better((string Subtag, bool Deprecated) candidate, (string Subtag, bool Deprecated) known) =>
        candidate.Deprecated != known.Deprecated ? !candidate.Deprecated : candidate.Subtag.Length < known.Subtag.Length;

    /// <summary>"qaa..qtz" as every subtag from qaa to qtz (letters counted as in the registry, case kept per position).</summary>
    private static IEnumerable<string> Expand(string subtag)
    {
        var range = subtag.Split("..");
        if (range.Length == 1)
        {
            yield return subtag;
            yield break;
        }
        var current = range[0].ToCharArray();
        var last = range[1];
        while (true)
        {
            yield return new string(current);
            if (string.Equals(new string(current), last, StringComparison.OrdinalIgnoreCase))
                yield break;
            for (var i = current.Length - 1; i >= 0; i--)
            {
                if (char.ToLowerInvariant(current[i]) != 'z')
                {
                    current[i]++;
                    break;
                }
                current[i] = char.IsUpper(current[i]) ? 'A' : 'a';
            }
        }
    }
}
