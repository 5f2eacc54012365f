using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Http.Idempotency;

/// <summary>Deletes expired idempotency records; expired ones are already ignored, this only keeps the table small.</summary>
internal sealed class IdempotencyRecordPurger(IServiceScopeFactory scopes, TimeProvider time, ILogger<IdempotencyRecordPurger> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
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
    }
}
