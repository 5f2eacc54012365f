using Forums.Api.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>
/// The answers any operation can give, whatever its endpoint declares, because the pipeline around it gives them: 429
/// (the rate limits), 500 (a failure), 503 (the database unavailable, or the request past its time limit), and for an operation with a
/// body 413 (too large) and 415 (no or another Content-Type). Each with the Retry-After it always carries.
/// </summary>
internal sealed class StandardAnswers : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        Add(operation, context, StatusCodes.Status429TooManyRequests,
            "Too many requests from this token or client a minute, or too many invalid tokens from this client.", RetryAfter());
        Add(operation, context, StatusCodes.Status500InternalServerError,
            "An unexpected error; nothing was changed. The trace id identifies it in the logs.");
        Add(operation, context, StatusCodes.Status503ServiceUnavailable,
            "The database cannot take the request now, or the request took longer than the time limit; nothing was changed.", RetryAfter());
        // Any request may carry a body, and the limit holds for all (a GET with a large body is refused the same way).
        Add(operation, context, StatusCodes.Status413PayloadTooLarge, "The body is larger than this API takes (Limits:MaxRequestBodyBytes, 1 MiB by default; the CSV import 32 MiB).");
        if (operation.RequestBody is null)
            return;
        Add(operation, context, StatusCodes.Status408RequestTimeout, "The body came more slowly than the API accepts (a minimum data rate).");
        Add(operation, context, StatusCodes.Status415UnsupportedMediaType,
            $"The body is not sent as {string.Join(" or ", operation.RequestBody.Content?.Keys ?? [])} (or without a Content-Type).");
    }

    private static Dictionary<string, IOpenApiHeader> RetryAfter() => new()
    {
        ["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds to wait before trying again.", Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
        },
    };

    /// <summary>Adds a problem-details answer; one the endpoint declared keeps its description and gains the headers.</summary>
    internal static void Add(OpenApiOperation operation, OperationFilterContext context, int status, string description,
        Dictionary<string, IOpenApiHeader>? headers = null)
    {
        var key = status.ToString();
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse declared)
        {
            foreach (var (name, header) in headers ?? [])
                (declared.Headers ??= new Dictionary<string, IOpenApiHeader>())[name] = header;
            return;
        }
        var schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetailsResponse), context.SchemaRepository);
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Headers = headers,
            Content = new Dictionary<string, IOpenApiMediaType> { [Problems.ContentType] = new OpenApiMediaType { Schema = schema } },
        };
    }
}
