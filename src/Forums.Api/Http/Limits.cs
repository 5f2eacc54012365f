using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Forums.Api.Auth;
using Forums.Api.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;

namespace Forums.Api.Http;

/// <summary>An endpoint that takes larger bodies than the default limit (the CSV import).</summary>
public sealed record BodyLimit(long Bytes);

/// <summary>
/// Request limits, all answered as problem details: body size (413), rate per token or per anonymous client
/// (429 with Retry-After; counted per instance), failed authentications per client (429), and a time limit per
/// request (503). The client is the connection's address, or the address a trusted proxy forwarded (see Edge).
/// </summary>
public static class Limits
{
    private sealed record LimitSettings(long BodyBytes, bool RateLimiting);

    public static IServiceCollection AddForumsLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var timeout = TimeSpan.FromSeconds(RequestTimeoutSeconds(configuration));
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
        services.AddSingleton(new LimitSettings(
            Settings.Number(configuration, "Limits:MaxRequestBodyBytes", 1024L * 1024, 1, 1L << 40),
            Settings.Switch(configuration, "RateLimiting:Enabled", true)));

        services.AddSingleton<DocumentBuilds>();
        services.AddSingleton<ImportTurns>();

        var tokenPermits = Settings.Number(configuration, "RateLimiting:TokenPermitsPerMinute", 1200, 1, 1_000_000);
        var anonymousPermits = Settings.Number(configuration, "RateLimiting:AnonymousPermitsPerMinute", 300, 1, 1_000_000);
        var failurePermits = Settings.Number(configuration, "RateLimiting:FailedAuthenticationsPerMinute", 10, 1, 1_000_000);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var perCaller = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (context.Request.Path.StartsWithSegments("/health") && !BearerTokenHandler.HasFailed(context))
                    return RateLimitPartition.GetNoLimiter("health");
                var token = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
                return token is not null
                    ? RateLimitPartition.GetFixedWindowLimiter($"token:{token}", _ => Window(tokenPermits))
                    : RateLimitPartition.GetFixedWindowLimiter($"client:{ClientKey(context)}", _ => Window(anonymousPermits));
            });
            // A token that is unknown, revoked or expired counts against its client on every path, so tokens cannot be tried forever.
            var failedAuthentications = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                BearerTokenHandler.HasFailed(context)
                    ? RateLimitPartition.GetFixedWindowLimiter($"failed:{ClientKey(context)}", _ => Window(failurePermits))
                    : RateLimitPartition.GetNoLimiter("authenticated"));
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(perCaller, failedAuthentications);
            o.OnRejected = async (rejected, ct) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? (int)Math.Ceiling(wait.TotalSeconds) : 60;
                rejected.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString();
                await Problems.Result(StatusCodes.Status429TooManyRequests, $"Too many requests; retry in {retryAfter} s.").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    public static double RequestTimeoutSeconds(IConfiguration configuration) =>
        Settings.Number(configuration, "Limits:RequestTimeoutSeconds", 30.0, 0.01, 3600.0);

    /// <summary>
    /// The client a limit counts against: an IPv4 address, or the /64 network of an IPv6 address (one subscriber
    /// usually holds a whole /64, so single addresses would be fresh buckets for the asking).
    /// </summary>
    public static string ClientKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>The limits that need the caller: after authentication (the token's bucket), before an invalid token is refused.</summary>
    public static WebApplication UseForumsLimits(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<LimitSettings>();
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? settings.BodyBytes;
            if (context.Request.ContentLength > limit)
                return Problems.Result(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {limit:N0} bytes.").ExecuteAsync(context);
            // A body without a Content-Length is cut off at the same size by the server (413 as it reads).
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limit;
            return next(context);
        });
        if (settings.RateLimiting)
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
