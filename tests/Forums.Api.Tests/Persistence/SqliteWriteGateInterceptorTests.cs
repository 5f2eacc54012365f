using Forums.Api.Features;
using Forums.Api.Persistence;
using Forums.Api.Persistence.Idempotency;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Persistence;

/// <summary>Nothing the API's contexts write to SQLite passes the write gate while another context holds it.</summary>
public sealed class SqliteWriteGateInterceptorTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private static readonly TimeSpan StillWaiting = TimeSpan.FromMilliseconds(300);

    public static TheoryData<string> Writes => ["SaveChanges", "SaveChanges (sync)", "ExecuteUpdate", "ExecuteDelete", "ExecuteSqlRaw", "ExecuteUpdate (sync)"];

    private static Task<int> WriteAsync(ForumsDbContext db, string write, string key)
    {
        var record = db.IdempotencyRecords.Where(r => r.Key == key);
        return write switch
        {
            "SaveChanges" => Add(db, key).SaveChangesAsync(),
            "SaveChanges (sync)" => Task.Run(() => Add(db, key).SaveChanges()),
            "ExecuteUpdate" => record.ExecuteUpdateAsync(set => set.SetProperty(r => r.Completed, true)),
            "ExecuteDelete" => record.ExecuteDeleteAsync(),
            "ExecuteSqlRaw" => db.Database.ExecuteSqlAsync($"""UPDATE "IdempotencyRecords" SET "StatusCode" = 201 WHERE "Key" = {key}"""),
            "ExecuteUpdate (sync)" => Task.Run(() => record.ExecuteUpdate(set => set.SetProperty(r => r.StatusCode, 200))),
            _ => throw new ArgumentOutOfRangeException(nameof(write)),
        };
    }

    private static ForumsDbContext Add(ForumsDbContext db, string key)
    {
        db.IdempotencyRecords.Add(new IdempotencyRecord { Scope = "gate test", Key = key, RequestHash = "x", ExpiresAt = DateTime.UtcNow.AddDays(1) });
        return db;
    }

    private async Task<string> KeptRecordAsync()
    {
        var key = Guid.NewGuid().ToString("N");
        Assert.Equal(1, await api.WithDbAsync(db => Add(db, key).SaveChangesAsync()));
        return key;
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task A_write_outside_a_transaction_waits_while_another_context_holds_the_gate(string write)
    {
        var key = write.StartsWith("SaveChanges") ? Guid.NewGuid().ToString("N") : await KeptRecordAsync();
        await using var holding = api.Services.CreateAsyncScope();
        await using var writing = api.Services.CreateAsyncScope();
        var holder = holding.ServiceProvider.GetRequiredService<ForumsDbContext>();

        var lease = await SqliteWriteGate.EnterAsync(holder.Database, CancellationToken.None);
        Task<int> written;
        try
        {
            written = WriteAsync(writing.ServiceProvider.GetRequiredService<ForumsDbContext>(), write, key);
            await Task.Delay(StillWaiting);
            Assert.False(written.IsCompleted, $"{write} wrote while another context held the gate");
        }
        finally
        {
            lease!.Dispose();
        }

        Assert.Equal(1, await written.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_write_that_fails_leaves_the_gate_to_the_next_writer()
    {
        await api.WithDbAsync(db => Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            db.Database.ExecuteSqlRawAsync("""INSERT INTO "IdempotencyRecords" ("Scope") VALUES (NULL)""")));

        var next = await api.WithDbAsync(async db =>
        {
            using var lease = await SqliteWriteGate.EnterAsync(db.Database, CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            return lease;
        });
        Assert.NotNull(next);
    }

    [Fact]
    public async Task Writes_inside_a_transaction_that_holds_the_gate_do_not_wait_for_themselves()
    {
        var key = await KeptRecordAsync();

        var written = await api.WithDbAsync(db => db.InTransactionAsync(async ct =>
        {
            Assert.Null(await SqliteWriteGate.EnterAsync(db.Database, ct));
            var updated = await db.IdempotencyRecords.Where(r => r.Key == key).ExecuteUpdateAsync(set => set.SetProperty(r => r.Completed, true), ct);
            return Outcome.Done(updated + await Add(db, Guid.NewGuid().ToString("N")).SaveChangesAsync(ct));
        }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Equal(2, written.Value);
    }

    [Fact]
    public async Task A_transaction_begun_without_the_gate_is_refused()
    {
        var refused = await api.WithDbAsync(db => Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.BeginTransactionAsync()));

        Assert.Contains("write gate", refused.Message);
        Assert.Equal(1, await api.WithDbAsync(db => Add(db, Guid.NewGuid().ToString("N")).SaveChangesAsync()));
    }
}
