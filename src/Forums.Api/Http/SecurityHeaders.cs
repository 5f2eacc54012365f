using Microsoft.Net.Http.Headers;

namespace Forums.Api.Http;

/// <summary>
/// The OWASP REST Security Cheat Sheet's headers on every answer, errors included: no MIME sniffing, no framing,
/// no referrer, HSTS over HTTPS, and Cache-Control: no-store on every answer that may be private (any request
/// with credentials, every problem, health). Anonymous reads stay cacheable by their ETag, varying by Authorization.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    // Swagger UI is a page with its own scripts and styles; everything else is data that loads nothing.
    private const string DataPolicy = "default-src 'none'; frame-ancestors 'none'";
    private const string PagePolicy = "frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // On starting, so that answers made anywhere (the exception handler clears headers first) carry them.
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = IsSwaggerUi(request.Path) ? PagePolicy : DataPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        if (request.IsHttps)
            headers.StrictTransportSecurity = "max-age=31536000";

        var mayBePrivate = request.Headers.ContainsKey(HeaderNames.Authorization)
            || context.Response.StatusCode >= 400
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Path.StartsWithSegments("/health");
        if (mayBePrivate)
        {
            headers.CacheControl = "no-store";
            headers.Remove(HeaderNames.Expires);
        }
        else
        {
            headers.Append(HeaderNames.Vary, HeaderNames.Authorization);
        }
    }

    private static bool IsSwaggerUi(PathString path) =>
        path.StartsWithSegments("/swagger") && !path.Value!.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
}
