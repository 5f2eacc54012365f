using System.Diagnostics;
using System.Net;
using Forums.Api.Persistence.Idempotency;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>Expired idempotency records are deleted by the purger, not only ignored when a retry reads them.</summary>
public sealed class IdempotencyRecordPurgerTests
{
    [Fact]
    public async Task Expired_records_are_deleted_on_the_configured_period()
    {
        using var api = new ForumsApiFactory(null, seed: false, new Dictionary<string, string?> { ["Idempotency:PurgeIntervalMinutes"] = "10" });
        var client = api.CreateAdminClient();
        var key = Guid.NewGuid().ToString();
        await (await client.PostJsonAsync("/api/forums", new ForumBuilder().Build(), ("Idempotency-Key", key))).ShouldBeAsync(HttpStatusCode.Created);

        api.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromMinutes(1));
        await Task.Delay(300);
        Assert.True(await Kept(api, key), "A record is not purged before it expires.");
        api.Clock.Advance(TimeSpan.FromMinutes(2));
        await Task.Delay(300);
        Assert.True(await Kept(api, key), "The purger ran before its period was over.");
        api.Clock.Advance(TimeSpan.FromMinutes(8));

        await Eventually(async () => !await Kept(api, key));
    }

    [Fact]
    public async Task A_record_expiring_at_the_moment_of_a_purge_is_deleted_and_one_a_tick_later_is_kept()
    {
        using var api = new ForumsApiFactory(null, seed: false);
        var purgeAt = api.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(60);
        await api.WithDbAsync(db =>
        {
            db.IdempotencyRecords.AddRange(Record("expiring-now", purgeAt), Record("expiring-later", purgeAt.AddTicks(1)));
            return db.SaveChangesAsync();
        });

        api.Clock.Advance(TimeSpan.FromMinutes(60));

        await Eventually(async () => !await Kept(api, "expiring-now"));
        Assert.True(await Kept(api, "expiring-later"));
    }

    private static IdempotencyRecord Record(string key, DateTime expiresAt) => new()
    {
        Scope = "token:t1 createForum", Key = key, RequestHash = new string('0', 64), Completed = true, StatusCode = 201,
        CreatedAt = expiresAt - TimeSpan.FromHours(24), ExpiresAt = expiresAt,
    };

    [Fact]
    public async Task Expired_records_are_deleted_at_start()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        try
        {
            using (var before = new ForumsApiFactory(folder, seed: false))
            {
                await before.WithDbAsync(db =>
                {
                    db.IdempotencyRecords.Add(new IdempotencyRecord
                    {
                        Scope = "token:expired createForum", Key = "expired", RequestHash = new string('0', 64), Completed = true,
                        StatusCode = 201, CreatedAt = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc),
                        ExpiresAt = new DateTime(2026, 9, 2, 0, 0, 0, DateTimeKind.Utc),
                    });
                    return db.SaveChangesAsync();
                });
            }

            using var after = new ForumsApiFactory(folder, seed: false);
            _ = after.Services;

            await Eventually(async () => !await Kept(after, "expired"));
        }
        finally
        {
            ForumsApiFactory.DeleteFolder(folder);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("1441")]
    [InlineData("hourly")]
    public async Task A_purge_interval_outside_1_to_1440_minutes_stops_start_up_with_one_clear_message(string minutes)
    {
        var folder = ForumsApiFactory.NewDataFolder();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Forums.Api.dll"), $"--Idempotency:PurgeIntervalMinutes={minutes}",
                $"--Database:DataFolder={folder}", "--urls=http://127.0.0.1:0",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Auth__AdminToken"] = "fat_a-production-secret-of-forty-characters" },
        };

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var error = await stderr;
        Assert.Contains($"Idempotency:PurgeIntervalMinutes must be a number from 1 to 1440; it is '{minutes}'", error);
        Assert.DoesNotContain("   at ", error + await stdout);
    }

    private static Task<bool> Kept(ForumsApiFactory api, string key) =>
        api.WithDbAsync(db => Task.FromResult(db.IdempotencyRecords.Any(r => r.Key == key)));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += TimeSpan.FromMilliseconds(100))
        {
            if (await condition())
                return;
            await Task.Delay(100);
        }
        Assert.Fail("The expired record was not purged within 10 s.");
    }
}
