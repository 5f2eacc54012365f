using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Forums.Api.Http;

/// <summary>
/// The language a reader is answered in: <c>?lang=</c> where an operation takes it (an override), else the request's
/// Accept-Language (RFC 9110 §12.5.4), its ranges in the order of their weights (q=0 refuses one), each matched as RFC 4647
/// lookup does (the tag itself, then the range cut at its last subtag: ru-RU finds ru) after basic filtering (en finds
/// en-GB). The API's own texts (problem titles and details, the validators' built-in messages) are in kk, ru or en; a
/// forum's texts in whatever languages it gives. An answer whose text depends on the language says which one it is in
/// (Content-Language) and that it varies with Accept-Language (Vary), so that a cache keeps one copy per language.
/// </summary>
public static partial class ReaderLanguages
{
    // RFC 4647 §2.1: a basic language range.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)$")]
    private static partial System.Text.RegularExpressions.Regex LanguageRange();

    /// <summary>The languages the API writes its own texts in; English when the reader wants none of them.</summary>
    public static readonly string[] ApiTexts = ["en", "ru", "kk"];

    public const string QueryName = "lang";
    private const string WantedKey = "Forums.Api.ReaderLanguages";

    /// <summary>The language ranges the reader wants, most wanted first; empty when the request states none.</summary>
    public static IReadOnlyList<string> Wanted(HttpContext context)
    {
        // Most requests state no language: answered without parsing anything or keeping anything in Items.
        if (!context.Request.QueryString.HasValue && StringValues.IsNullOrEmpty(context.Request.Headers.AcceptLanguage))
            return [];
        if (context.Items.TryGetValue(WantedKey, out var known))
            return (IReadOnlyList<string>)known!;
        var wanted = context.Request.Query[QueryName] is [{ Length: > 0 } lang] && Domain.LanguageTag.IsWellFormed(lang)
            ? [lang]
            : Ranges(context.Request.Headers.AcceptLanguage);
        context.Items[WantedKey] = wanted;
        return wanted;
    }

    /// <summary>The Accept-Language ranges by weight, the first listed first among equals; a malformed header states nothing.</summary>
    public static IReadOnlyList<string> Ranges(StringValues acceptLanguage)
    {
        if (StringValues.IsNullOrEmpty(acceptLanguage) || !StringWithQualityHeaderValue.TryParseList(acceptLanguage, out var ranges))
            return [];
        return ranges
            .Select((r, i) => (Range: r.Value.Value ?? "", Weight: r.Quality ?? 1, Index: i))
            .Where(r => r.Weight > 0 && LanguageRange().IsMatch(r.Range))
            .OrderByDescending(r => r.Weight).ThenBy(r => r.Index)
            .Select(r => r.Range)
            .ToList();
    }

    /// <summary>The available tag that best meets the wanted ranges (see the class), as the available list spells it; null for none.</summary>
    public static string? Choose(IReadOnlyList<string> wanted, IReadOnlyCollection<string> available)
    {
        foreach (var range in wanted)
        {
            if (range == "*")
                return available.FirstOrDefault();
            if (available.FirstOrDefault(tag => tag.StartsWith(range, StringComparison.OrdinalIgnoreCase)
                    && (tag.Length == range.Length || tag[range.Length] == '-')) is { } filtered)
                return filtered;
            for (var cut = range.LastIndexOf('-'); cut > 0; cut = range.LastIndexOf('-', cut - 1))
                if (available.FirstOrDefault(tag => tag.Equals(range[..cut], StringComparison.OrdinalIgnoreCase)) is { } lookedUp)
                    return lookedUp;
        }
        return null;
    }

    /// <summary>The language of the API's own texts for this request: kk, ru or en.</summary>
    public static string ForApiTexts(HttpContext? context) => context is null ? "en" : Choose(Wanted(context), ApiTexts) ?? "en";

    /// <summary>
    /// The language a forum's texts are written in for this request: the wanted range (?lang=, else Accept-Language's)
    /// met by a language the texts are written in (<paramref name="written"/>: for a programme, the forum's working
    /// languages and its title's), as the forum spells it; else English when they are written in it, else the first of
    /// them — so that Content-Language never names a language the answer is not in. Null when the reader states no
    /// language and <paramref name="always"/> is false (an answer that then shows every language). Each text is then in
    /// that language, or in English, or in its first one (<see cref="Domain.LanguagePicker"/>).
    /// </summary>
    public static string? ForTexts(HttpContext context, IEnumerable<string> written, bool always)
    {
        var wanted = Wanted(context);
        if (wanted.Count == 0 && !always)
            return null;
        var languages = written.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return Choose(wanted, languages) ?? (languages.Contains("en", StringComparer.OrdinalIgnoreCase) ? "en" : languages.FirstOrDefault() ?? "en");
    }

    /// <summary>Says the answer varies with Accept-Language and, when it is in one language, which.</summary>
    public static void Tell(HttpResponse response, string? language)
    {
        if (!response.Headers.Vary.Any(v => v is not null && v.Contains(HeaderNames.AcceptLanguage, StringComparison.OrdinalIgnoreCase)))
            response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        if (language is not null)
            response.Headers.ContentLanguage = language;
    }

    /// <summary>
    /// The validators' built-in messages (FluentValidation ships kk and ru) follow the request's language. Only the UI
    /// culture (which texts), never the culture (how numbers and dates are written), and only for this request's own
    /// flow: an async method's change does not reach its caller.
    /// </summary>
    public static IApplicationBuilder UseReaderLanguages(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set only when it changes (English is the invariant culture's language too): a culture set flows with the
        // request as an AsyncLocal, which costs every await after it; most requests state no language.
        var language = ForApiTexts(context);
        var current = CultureInfo.CurrentUICulture.Name;
        return current == language || (language == "en" && (current.Length == 0 || current.StartsWith("en-", StringComparison.Ordinal)))
            ? next(context)
            : InLanguageAsync(context, next, CultureInfo.GetCultureInfo(language));
    });

    // Set inside an async method, so that the change ends with it and never reaches the connection's next request.
    private static async Task InLanguageAsync(HttpContext context, RequestDelegate next, CultureInfo language)
    {
        CultureInfo.CurrentUICulture = language;
        await next(context);
    }
}

/// <summary>Marks an operation whose answer is written in the reader's language (<see cref="ReaderLanguages"/>), for the OpenAPI document.</summary>
/// <param name="Always">True when the answer is always in one language (an export); false when it shows every language unless one is asked for.</param>
public sealed record InReaderLanguage(bool Always);
