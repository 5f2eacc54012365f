using System.Net;
using System.Text;
using Forums.Api.Http;

namespace Forums.Api.Features.ProblemPages;

/// <summary>
/// The short HTML pages of the problem types: plain markup (the API's Content-Security-Policy loads nothing), the same
/// for every caller, cacheable for a day.
/// </summary>
internal static class ProblemPage
{
    public const string ContentType = "text/html; charset=utf-8";
    public const string CacheControl = "public, max-age=86400";

    public static string Of(ProblemType type, ProblemTypeUris uris)
    {
        var page = Start($"{type.Name}: {type.Summary}");
        page.Append(CultureInfoInvariant($"<h1>{E(type.Summary)}</h1>\n"));
        page.Append(CultureInfoInvariant($"<p>Problem type <code>{E(uris.For(type))}</code>, answered with status {type.Status} ({E(type.Title)}) as <code>application/problem+json</code>.</p>\n"));
        page.Append(CultureInfoInvariant($"<h2>When it happens</h2>\n<p>{E(type.When)}</p>\n"));
        page.Append(CultureInfoInvariant($"<h2>What to do</h2>\n<p>{E(type.Action)}</p>\n"));
        page.Append("<h2>Members</h2>\n<p>Every problem has <code>type</code>, <code>title</code>, <code>status</code>, <code>instance</code> and <code>traceId</code>, " +
                    "and usually <code>detail</code>, a sentence for a person to read.");
        if (type.Members.Length == 0)
            page.Append(" This type carries no other member.</p>\n");
        else
        {
            page.Append(" This type also carries:</p>\n<ul>\n");
            foreach (var member in type.Members)
                page.Append(CultureInfoInvariant($"<li><code>{E(member)}</code>: {E(ProblemMembers.Described[member])}</li>\n"));
            page.Append("</ul>\n");
        }
        page.Append(CultureInfoInvariant($"<p><a href=\"{ProblemTypes.PagePath}\">Every problem type</a></p>\n"));
        return End(page);
    }

    public static string List(ProblemTypeUris uris)
    {
        var page = Start("Problem types");
        page.Append("<h1>Problem types</h1>\n<p>Every error this API answers is RFC 9457 problem details whose <code>type</code> is one of these URIs; " +
                    "a client tells problems apart by it. The OpenAPI document lists, per operation and status, the types it can answer (<code>x-problem-types</code>).</p>\n");
        page.Append("<table>\n<tr><th>Status</th><th>Type</th><th>What went wrong</th></tr>\n");
        foreach (var type in ProblemTypes.All)
            page.Append(CultureInfoInvariant(
                $"<tr><td>{type.Status}</td><td><a href=\"{E(type.Path)}\"><code>{E(uris.For(type))}</code></a></td><td>{E(type.Summary)}</td></tr>\n"));
        page.Append("</table>\n");
        return End(page);
    }

    private static StringBuilder Start(string title) =>
        new($"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(title)} · Forum API</title>\n</head>\n<body>\n");

    private static string End(StringBuilder page) => page.Append("</body>\n</html>\n").ToString();

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
