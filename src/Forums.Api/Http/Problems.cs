using System.Diagnostics;
using System.Globalization;
using System.Text;
using Forums.Api.Domain;

namespace Forums.Api.Http;

/// <summary>The one place where this API's RFC 9457 answers are made.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    private static readonly Dictionary<int, (string Title, string Type)> Statuses = new()
    {
        [400] = ("Bad Request", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1"),
        [401] = ("Unauthorized", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2"),
        [403] = ("Forbidden", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4"),
        [404] = ("Not Found", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"),
        [405] = ("Method Not Allowed", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6"),
        [406] = ("Not Acceptable", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.7"),
        [408] = ("Request Timeout", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.9"),
        [409] = ("Conflict", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10"),
        [412] = ("Precondition Failed", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.13"),
        [413] = ("Content Too Large", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14"),
        [415] = ("Unsupported Media Type", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.16"),
        [422] = ("Unprocessable Content", "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21"),
        [429] = ("Too Many Requests", "https://www.rfc-editor.org/rfc/rfc6585#section-4"),
        [500] = ("Internal Server Error", "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1"),
        [503] = ("Service Unavailable", "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4"),
    };

    public static IResult NotFound(string detail) => Result(ProblemTypes.NotFound, detail);

    /// <summary>
    /// A problem of this type, with the extension members it carries (a member whose value is null is left out). Its type is
    /// written as its page's path here and made absolute when it is answered (<see cref="Enrich"/>).
    /// </summary>
    public static IResult Result(ProblemType type, string detail, params (string Name, object? Value)[] members)
    {
        if (type.Status == StatusCodes.Status400BadRequest)
            throw new ArgumentOutOfRangeException(nameof(type), "A 400 names the field it is about: use Problems.BadRequest.");
        var extensions = new Dictionary<string, object?>();
        foreach (var (name, value) in members)
        {
            if (!type.Members.Contains(name))
                throw new ArgumentException($"The problem type {type.Name} does not carry the member {name}; add it to its declaration first.", nameof(members));
            if (value is not null)
                extensions[name] = value;
        }
        return TypedResults.Problem(detail: CutTo(detail, MaxDetailLength), statusCode: type.Status, title: TitleOf(type.Status), type: type.Path,
            extensions: extensions);
    }

    /// <summary>Most entries an error document lists; one more entry says how many were left out.</summary>
    public const int MaxErrorEntries = 100;
    /// <summary>Most messages one entry lists.</summary>
    public const int MaxMessagesPerEntry = 5;
    /// <summary>Longest message (and key) in an error document, in characters; a longer one is cut and ends with "…".</summary>
    public const int MaxMessageLength = 500;
    /// <summary>Longest detail of any problem, in characters (a conflict may list the resources in its way).</summary>
    public const int MaxDetailLength = 2_000;
    /// <summary>The key of the entry that says how many entries were left out.</summary>
    public const string MoreErrorsKey = "+more";

    /// <summary>A 400 for one field that a rule beyond the validators refused (e.g. a delegation of another forum).</summary>
    public static IResult BadRequest(string field, string message) =>
        TypedResults.ValidationProblem(Capped(new Dictionary<string, string[]> { [field] = [message] }),
            detail: ProblemTexts.ValidationDetail, title: ProblemTexts.ValidationTitle, type: TypeOf(400));

    /// <summary>
    /// A problem of a status that has one problem type (401, 403, 404, 412, 413, 415, 429, 503). A 400 names its field
    /// (<see cref="BadRequest"/>), and a 409 or 422 its type, so neither is made here.
    /// </summary>
    public static IResult Result(int status, string detail) => status == StatusCodes.Status400BadRequest
        ? throw new ArgumentOutOfRangeException(nameof(status), "A 400 names the field it is about: use Problems.BadRequest.")
        : Result(ProblemTypes.OfStatus(status)
                 ?? throw new ArgumentOutOfRangeException(nameof(status), $"A {status} has several problem types: name the one this is."), detail);

    public static string TitleOf(int status) => Statuses.TryGetValue(status, out var s) ? s.Title : "Error";

    /// <summary>
    /// The type of a problem of this status made elsewhere (the framework, the exception handler): the status's problem
    /// type when it has one, else the RFC section that defines the status.
    /// </summary>
    public static string TypeOf(int status) =>
        ProblemTypes.OfStatus(status)?.Path ?? (Statuses.TryGetValue(status, out var s) ? s.Type : "about:blank");

    public static ValidationProblem Validation(HttpContext? context, IDictionary<string, string[]> errors, int moreEntries = 0)
    {
        var language = ReaderLanguages.ForApiTexts(context);
        if (context is not null)
            ReaderLanguages.Tell(context.Response, language);
        return new(
            Type: ProblemTypeUris.Of(context).For(ProblemTypes.Validation),
            Title: ProblemTexts.Title(StatusCodes.Status400BadRequest, language, validation: true) ?? ProblemTexts.ValidationTitle,
            Status: StatusCodes.Status400BadRequest,
            Detail: ProblemTexts.Detail(ProblemTypes.Validation, StatusCodes.Status400BadRequest, language) ?? ProblemTexts.ValidationDetail,
            Instance: InstanceOf(context),
            TraceId: TraceId(context),
            Errors: Capped(errors, moreEntries));
    }

    /// <summary>
    /// Every error document passes here: a small request must not buy a huge answer (a header of a million unknown
    /// columns once answered 606 MB). At most <see cref="MaxErrorEntries"/> entries of at most
    /// <see cref="MaxMessagesPerEntry"/> messages, each cut to <see cref="MaxMessageLength"/> characters, and an entry
    /// <see cref="MoreErrorsKey"/> saying how many more there were.
    /// </summary>
    public static Dictionary<string, string[]> Capped(IEnumerable<KeyValuePair<string, string[]>> errors, int moreEntries = 0)
    {
        var capped = new Dictionary<string, string[]>();
        var more = moreEntries;
        foreach (var (key, messages) in errors)
        {
            var shortKey = Cut(key);
            if (capped.TryGetValue(shortKey, out var earlier))
                capped[shortKey] = [.. earlier.Concat(messages.Select(Cut)).Distinct().Take(MaxMessagesPerEntry)];
            else if (capped.Count < MaxErrorEntries)
                capped[shortKey] = [.. messages.Take(MaxMessagesPerEntry).Select(Cut)];
            else
                more++;
        }
        if (more > 0)
            capped[MoreErrorsKey] = [$"{more:N0} more entries are not shown; correct these and send again to see them."];
        return capped;
    }

    private static string Cut(string text) => CutTo(text, MaxMessageLength);

    /// <summary>
    /// The text as an error document may show it: what the client sent is repeated in messages, keys and details, so a
    /// character that would hide or reorder what the reader sees (controls, bidi overrides and isolates, zero-width and
    /// other default-ignorable characters, tag characters, line separators, lone surrogates) is written as \uXXXX
    /// (\UXXXXXXXX beyond the BMP); then the text is cut to <paramref name="length"/>, never inside an escape or a pair.
    /// </summary>
    private static string CutTo(string text, int length)
    {
        if (text.Length <= length && !text.Any(c => c < ' ' || c >= '\u007f'))
            return text;
        var shown = new StringBuilder(Math.Min(text.Length, length + 12));
        var fits = 0;
        for (var i = 0; i < text.Length;)
        {
            var (codePoint, units) = CodePoint.At(text, i);
            if (shown.Length < length)
                fits = shown.Length;
            if (!IsUnsafeToShow(codePoint))
                shown.Append(text, i, units);
            else if (codePoint > char.MaxValue)
                shown.Append(CultureInfo.InvariantCulture, $"\\U{codePoint:X8}");
            else
                shown.Append(CultureInfo.InvariantCulture, $"\\u{codePoint:X4}");
            i += units;
            if (shown.Length > length)
                return shown.ToString(0, fits) + "…";
        }
        return shown.ToString();
    }

    private static bool IsUnsafeToShow(int codePoint) =>
        codePoint is < ' ' or (>= 0x7F and <= 0x9F) or 0x2028 or 0x2029 or (>= 0xD800 and <= 0xDFFF)
        || CodePoint.IsDefaultIgnorable(codePoint) || CodePoint.IsFormat(codePoint);

    private static string InstanceOf(HttpContext? context) => CutTo(context?.Request.Path.Value ?? "", MaxDetailLength);

    public static string TraceId(HttpContext? context) =>
        Activity.Current?.Id ?? context?.TraceIdentifier ?? "";

    /// <summary>
    /// Adds what every problem of this API carries: the request path and the trace id that the logs carry, and its type
    /// as an absolute URI (<see cref="ProblemTypeUris"/>); a problem the framework made gets its status's type. The detail
    /// and the path (decoded, so "%E2%80%AE" is U+202E) are shown as <see cref="CutTo"/> shows any text a client wrote.
    /// </summary>
    public static void Enrich(Microsoft.AspNetCore.Mvc.ProblemDetails problem, HttpContext context)
    {
        problem.Instance = problem.Instance is { } instance ? CutTo(instance, MaxDetailLength) : InstanceOf(context);
        if (problem.Detail is { } detail)
            problem.Detail = CutTo(detail, MaxDetailLength);
        problem.Extensions["traceId"] = TraceId(context);
        if (problem.Status is { } status)
        {
            if (problem.Type is null or "about:blank" || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
                problem.Type = TypeOf(status);
            problem.Title ??= TitleOf(status);
        }
        Translate(problem, context);
        if (problem.Type is { } type)
            problem.Type = ProblemTypeUris.Of(context).Absolute(type);
    }

    /// <summary>The title and detail in the reader's language (<see cref="ProblemTexts"/>), which the answer names.</summary>
    private static void Translate(Microsoft.AspNetCore.Mvc.ProblemDetails problem, HttpContext context)
    {
        var language = ReaderLanguages.ForApiTexts(context);
        ReaderLanguages.Tell(context.Response, language);
        if (problem.Status is not { } status)
            return;
        var type = problem.Type?.StartsWith(ProblemTypes.PagePath + "/", StringComparison.Ordinal) == true
            ? ProblemTypes.Named(problem.Type[(ProblemTypes.PagePath.Length + 1)..])
            : null;
        problem.Title = ProblemTexts.Title(status, language, validation: type == ProblemTypes.Validation) ?? problem.Title;
        problem.Detail = ProblemTexts.Detail(type, status, language) ?? problem.Detail ?? ProblemTexts.EnglishDetail(type);
    }
}

/// <summary>RFC 9457 problem details for invalid input, with the failing fields named as in the JSON.</summary>
/// <param name="Type">The URI of the problem type "validation" (its page: GET /problems/validation).</param>
/// <param name="Title">"One or more fields are invalid."</param>
/// <param name="Status">400.</param>
/// <param name="Detail">Where to look: the errors, each keyed by a field as it is written in the request.</param>
/// <param name="Instance">The request's path, decoded.</param>
/// <param name="TraceId">The request's trace id, which the API's logs carry: quote it when reporting a problem.</param>
/// <param name="Errors">The failing fields and their messages: at most 100 fields, 5 messages each, 500 characters a message; "+more" says how many fields were left out.</param>
public sealed record ValidationProblem(
    string Type,
    string Title,
    int Status,
    string Detail,
    string Instance,
    string TraceId,
    IDictionary<string, string[]> Errors);
