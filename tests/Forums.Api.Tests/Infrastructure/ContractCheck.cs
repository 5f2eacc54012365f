using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using NJsonSchema;
using NSwag;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>
/// Every answer a test gets from the API, held against the committed OpenAPI document (the one generators read): the
/// operation documents the status; the content type is one it lists; a JSON body is valid under its schema (OpenAPI
/// 3.0 rules, nullable included); a problem's type is one the response lists (x-problem-types); the API's own headers
/// are sent where, and only where, the document declares them.
/// Clients of <see cref="ForumsApiFactory"/> pass every answer through <see cref="Handler"/>, which fails the request
/// that broke the contract. A request the document has no operation for (an unknown route, a method a route does not
/// have) is not checked here: it is the framework's 404 or 405, tested on its own.
/// </summary>
public static partial class ContractCheck
{
    /// <summary>The headers this API sends on purpose, which the document must declare where they are sent.</summary>
    private static readonly string[] ApiHeaders =
        ["ETag", "Location", "Retry-After", "Idempotent-Replayed", "WWW-Authenticate", "Content-Disposition", "Content-Language"];

    private static readonly Lazy<(OpenApiDocument Document, (Regex Pattern, string Template)[] Paths)> Contract = new(Load);

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    /// <summary>What in this answer the document does not promise (empty: none).</summary>
    /// <param name="readBody">False for a test that reads the answer as a stream, at its own pace: the body is then not checked.</param>
    public static async Task<List<string>> ViolationsAsync(HttpRequestMessage request, HttpResponseMessage response, bool readBody = true)
    {
        var (document, paths) = Contract.Value;
        var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString.Split('?')[0];
        var template = paths.FirstOrDefault(p => p.Pattern.IsMatch(path)).Template;
        var violations = new List<string>();
        if (template is null || !document.Paths[template].TryGetValue(request.Method.Method.ToLowerInvariant(), out var operation))
            return violations;

        var status = ((int)response.StatusCode).ToString();
        var name = $"{operation.OperationId} {status}";
        if (!operation.Responses.TryGetValue(status, out var declared))
        {
            violations.Add($"{name}: the status is not documented (documented: {string.Join(", ", operation.Responses.Keys)})");
            return violations;
        }
        declared = declared.ActualResponse;

        var body = "";
        if (readBody)
        {
            await response.Content.LoadIntoBufferAsync();
            body = await response.Content.ReadAsStringAsync();
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (body.Length > 0 || mediaType is not null)
        {
            if (declared.Content.Count == 0)
                violations.Add($"{name}: a body ({mediaType}) where the document declares none");
            else if (mediaType is null || !declared.Content.TryGetValue(mediaType, out var content))
                violations.Add($"{name}: content type {mediaType} is not one of {string.Join(", ", declared.Content.Keys)}");
            else if (readBody && mediaType.Contains("json") && content.Schema is { } schema)
            {
                violations.AddRange(schema.ActualSchema.Validate(body, SchemaType.OpenApi3)
                    .Select(e => $"{name}: body {e.Path}: {e.Kind}{(e.Property is null ? "" : $" ({e.Property})")}"));
                if (mediaType == "application/problem+json")
                    violations.AddRange(UndeclaredProblemType(name, declared, body));
            }
        }

        foreach (var header in ApiHeaders)
        {
            var sent = Sent(response, header);
            var promised = declared.Headers.FirstOrDefault(h => string.Equals(h.Key, header, StringComparison.OrdinalIgnoreCase)).Value;
            if (sent && promised is null)
                violations.Add($"{name}: sends {header}, which the document does not declare");
            else if (!sent && promised is { IsRequired: true })
                violations.Add($"{name}: the document says {header} is always sent; it was not");
        }
        return violations;
    }

    /// <summary>A problem whose type the response does not list: a client generated from the document could not tell it apart.</summary>
    private static List<string> UndeclaredProblemType(string name, OpenApiResponse declared, string body)
    {
        string? type;
        try
        {
            type = (string?)System.Text.Json.Nodes.JsonNode.Parse(body)?["type"];
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return []; // the schema check has said what is wrong with it
        }
        var listed = declared.ExtensionData?.TryGetValue(ProblemTypesExtension, out var value) == true && value is System.Collections.IEnumerable items and not string
            ? items.Cast<object?>().Select(i => i?.ToString()).ToList()
            : null;
        if (listed is null)
            return [$"{name}: a problem answer, but the response lists no problem types ({ProblemTypesExtension})"];
        if (type is null || !listed.Contains(type))
            return [$"{name}: the problem type {type} is not one the document lists for it ({string.Join(", ", listed)})"];
        return [];
    }

    public const string ProblemTypesExtension = "x-problem-types";

    private static bool Sent(HttpResponseMessage response, string header) =>
        response.Headers.NonValidated.Contains(header) || response.Content.Headers.NonValidated.Contains(header);

    private static (OpenApiDocument, (Regex, string)[]) Load()
    {
        var document = OpenApiDocument.FromJsonAsync(File.ReadAllText(CommittedDocument()), null, SchemaType.OpenApi3).GetAwaiter().GetResult();
        // A literal segment wins over a parameter (delegates/export before delegates/{delegateId}).
        var paths = document.Paths.Keys
            .OrderBy(t => PathParameter().Matches(t).Count).ThenByDescending(t => t.Length)
            .Select(t => (new Regex("^" + PathParameter().Replace(Regex.Escape(t).Replace(@"\{", "{"), "[^/]+") + "$"), t))
            .ToArray();
        return (document, paths);
    }

    private static string CommittedDocument([CallerFilePath] string file = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(file))!, "OpenApi", "forum-api.v1.json");

    /// <summary>Fails the request whose answer breaks the contract (or, with CONTRACT_SURVEY=&lt;file&gt;, lists it there).</summary>
    /// <param name="readBody">False: the status, content type and headers are checked, the body is left to the test to stream.</param>
    public sealed class Handler(bool readBody = true) : DelegatingHandler
    {
        private static readonly string? Survey = Environment.GetEnvironmentVariable("CONTRACT_SURVEY");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var violations = await ViolationsAsync(request, response, readBody);
            if (violations.Count == 0)
                return response;
            if (Survey is not null)
            {
                lock (Survey)
                    File.AppendAllLines(Survey, violations);
                return response;
            }
            throw new Xunit.Sdk.XunitException($"The answer to {request.Method} {request.RequestUri} breaks the OpenAPI document:\n" + string.Join("\n", violations));
        }
    }
}
