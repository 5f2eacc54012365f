using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;

namespace Forums.Api.Http;

/// <summary>An endpoint that takes larger bodies than the default limit (the CSV import).</summary>
public sealed record BodyLimit(long Bytes);

/// <summary>
/// Request limits, all answered as problem details: body size (413), rate per token or per anonymous client
/// address (429 with Retry-After; counted per instance), and a time limit per request (503).
/// </summary>
public static class Limits
{
    public static IServiceCollection AddForumsLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var timeout = TimeSpan.FromSeconds(configuration.GetValue("Limits:RequestTimeoutSeconds", 30.0));
        // The middleware only cancels HttpContext.RequestAborted: it answers once the work gives up (every read and
        // generator observes that token), and only while the answer has not started.
        services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = timeout,
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context =>
            {
                context.Response.Headers.RetryAfter = "5";
                return Problems.Result(StatusCodes.Status503ServiceUnavailable,
                        $"The request took longer than {timeout.TotalSeconds:0.###} s and was stopped. Retry shortly (a create with the same Idempotency-Key).")
                    .ExecuteAsync(context);
            },
        });

        services.AddSingleton<DocumentBuilds>();

        var tokenPermits = configuration.GetValue("RateLimiting:TokenPermitsPerMinute", 1200);
        var anonymousPermits = configuration.GetValue("RateLimiting:AnonymousPermitsPerMinute", 300);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/health"))
                    return RateLimitPartition.GetNoLimiter("health");
                var token = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
                return token is not null
                    ? RateLimitPartition.GetFixedWindowLimiter($"token:{token}", _ => Window(tokenPermits))
                    : RateLimitPartition.GetFixedWindowLimiter($"ip:{context.Connection.RemoteIpAddress}", _ => Window(anonymousPermits));
            });
            o.OnRejected = async (rejected, ct) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString();
                await Problems.Result(StatusCodes.Status429TooManyRequests, $"Too many requests; retry in {retryAfter} s.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    public static WebApplication UseForumsLimits(this WebApplication app)
    {
        var bodyLimit = app.Configuration.GetValue("Limits:MaxRequestBodyBytes", 1024L * 1024);
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? bodyLimit;
            if (context.Request.ContentLength > limit)
                return Problems.Result(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit:N0} bytes.").ExecuteAsync(context);
            // A body without a Content-Length is cut off at the same size by the server (413 as it reads).
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit;
            return next(context);
        });
        if (app.Configuration.GetValue("RateLimiting:Enabled", true))
            app.UseRateLimiter();
        app.UseRequestTimeouts();
        return app;
    }

    /// <summary>
    /// Called where an answer begins to be written: past the time limit it is not begun (the answer is the limit's
    /// 503); once begun it can no longer become a 503, so the limit stops there and the client's pace sets the rest
    /// (a cancellation mid-answer could only cut the connection).
    /// </summary>
    public static void BeginAnswer(HttpContext context)
    {
        context.RequestAborted.ThrowIfCancellationRequested();
        context.Features.Get<IHttpRequestTimeoutFeature>()?.DisableTimeout();
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}
