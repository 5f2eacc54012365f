namespace Forums.Api.Http;

public static class Logging
{
    /// <summary>
    /// Every log line carries the request's trace id (the traceId of its problem details). Outside Development the
    /// lines are JSON, one per line, with their scopes. Neither tokens nor personal data are logged: failed
    /// authentication logs the token's id at most, and EF Core's parameter values stay off.
    /// </summary>
    public static ILoggingBuilder AddForumsLogging(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        if (!environment.IsDevelopment())
        {
            logging.ClearProviders();
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }
        return logging;
    }
}
