using Forums.Api.Hosting;
using Forums.Api.Http.Idempotency;
using Microsoft.Net.Http.Headers;

namespace Forums.Api.Http;

/// <summary>
/// Browser frontends on another origin (CORS): the origins allowed come from configuration (Cors:AllowedOrigins, a list
/// of "https://app.example.org" origins, or "*" for any; none by default, so no browser on another origin may call).
/// Tokens travel in the Authorization header, never in cookies, so no credentials are allowed. A preflight is answered
/// before anything else looks at the request, and the headers a frontend reads are exposed.
/// </summary>
public static class CrossOrigin
{
    public static readonly string[] ExposedHeaders =
    [
        HeaderNames.ETag, HeaderNames.Location, HeaderNames.RetryAfter, IdempotencyMiddleware.ReplayedHeaderName,
        HeaderNames.ContentDisposition, HeaderNames.ContentLanguage,
    ];

    public static readonly string[] AllowedHeaders =
    [
        HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.IfMatch, HeaderNames.IfNoneMatch,
        IdempotencyMiddleware.HeaderName, HeaderNames.AcceptLanguage,
        // W3C Trace Context, which the API continues (its problems' traceId): a traced frontend sends them.
        "traceparent", "tracestate", "baggage",
    ];

    public static IServiceCollection AddForumsCrossOrigin(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = Settings.List(configuration, "Cors:AllowedOrigins").Select(Origin).ToArray();
        services.AddCors(o => o.AddDefaultPolicy(policy =>
        {
            if (origins.Contains("*"))
                policy.AllowAnyOrigin();
            else
                policy.WithOrigins(origins);
            policy.WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders(AllowedHeaders)
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(TimeSpan.FromHours(1));
        }));
        return services;
    }

    /// <summary>
    /// CORS, and Vary: Origin on every answer when only some origins are allowed: the framework adds it only where the
    /// origin is allowed, and a shared cache could otherwise hand the answer made for another origin (without
    /// Access-Control-Allow-Origin) to an allowed one.
    /// </summary>
    public static IApplicationBuilder UseForumsCrossOrigin(this IApplicationBuilder app, IConfiguration configuration)
    {
        var origins = Settings.List(configuration, "Cors:AllowedOrigins");
        if (origins.Count > 0 && !origins.Contains("*"))
            app.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    var vary = context.Response.Headers.Vary;
                    if (!vary.Any(v => v is not null && v.Split(',').Any(h => h.Trim().Equals(HeaderNames.Origin, StringComparison.OrdinalIgnoreCase))))
                        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
                    return Task.CompletedTask;
                });
                return next(context);
            });
        // Only a request that names its origin is a cross-origin one (a browser always sends Origin then, preflights
        // included); the framework's middleware would otherwise resolve its policy provider and mark the request on
        // every call to say nothing (~0.5 µs of a ~45 µs GET, measured with perf in issue 13).
        return app.UseWhen(context => context.Request.Headers.ContainsKey(HeaderNames.Origin), cors => cors.UseCors());
    }

    // An origin is a scheme, a host and maybe a port: nothing after it (a trailing slash would never match).
    private static string Origin(string value) =>
        value == "*" ? value
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.PathAndQuery == "/" && !value.EndsWith('/')
            ? value
            : throw new StartupConfigurationException(
                $"Cors:AllowedOrigins: '{value}' is not an origin such as https://app.example.org (scheme, host and port only, no path or trailing slash), nor *.");
}
