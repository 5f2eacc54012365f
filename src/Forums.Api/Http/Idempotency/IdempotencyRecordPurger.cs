using Forums.Api.Hosting;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Http.Idempotency;

/// <summary>
/// Deletes expired idempotency records at start and then every <c>Idempotency:PurgeIntervalMinutes</c> (60): a retry
/// already ignores an expired record, but what it kept must not stay at rest past its 24 hours.
/// </summary>
internal sealed class IdempotencyRecordPurger(IServiceScopeFactory scopes, TimeProvider time, IdempotencyPurgeInterval interval,
    ILogger<IdempotencyRecordPurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var timer = new PeriodicTimer(interval.Value, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ForumsDbContext>();
                var now = time.GetUtcNow().UtcDateTime;
                var purged = await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(stoppingToken);
                logger.LogInformation("Purged {Count} expired idempotency records", purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Purging expired idempotency records failed; the next run tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

internal sealed record IdempotencyPurgeInterval(TimeSpan Value);

public static class IdempotencyRecordPurging
{
    public const string IntervalSetting = "Idempotency:PurgeIntervalMinutes";

    public static IServiceCollection AddIdempotencyRecordPurger(this IServiceCollection services, IConfiguration configuration)
    {
        var minutes = Settings.Number(configuration, IntervalSetting, fallback: 60, min: 1, max: 1440);
        services.AddSingleton(new IdempotencyPurgeInterval(TimeSpan.FromMinutes(minutes)));
        return services.AddHostedService<IdempotencyRecordPurger>();
    }
}
