using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Forums.Api.Http;

/// <summary>
/// Writes every problem as application/problem+json, whatever the request's Accept: ASP.NET Core's own writer declines
/// a request that accepts only image/png or text/csv (what generated clients send for a download), and its fallback then
/// wrote a bare document without instance and trace id, or none at all. Registered before the default writer, so that
/// the default one is never asked.
/// </summary>
internal sealed class ProblemJsonWriter(IOptions<ProblemDetailsOptions> problemOptions, IOptions<JsonOptions> jsonOptions) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        problem.Status ??= http.Response.StatusCode;
        problemOptions.Value.CustomizeProblemDetails?.Invoke(context);
        // Not under RequestAborted: the request-timeout middleware cancels it before it writes its 503 through here.
        return new ValueTask(http.Response.WriteAsJsonAsync(problem, problem.GetType(), jsonOptions.Value.SerializerOptions,
            Problems.ContentType, CancellationToken.None));
    }
}
