using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Persistence;

/// <summary>Writers in one process take turns at the gate of their database file; waiting past the busy timeout fails like a busy database.</summary>
public sealed class SqliteWriteGateTests
{
    private static SqliteForumsDbContext Sqlite(string file) =>
        new(new DbContextOptionsBuilder<SqliteForumsDbContext>().UseSqlite($"Data Source={file};Default Timeout=1").Options);

    [Fact]
    public async Task A_second_writer_on_the_same_file_waits_for_the_first_and_gives_up_after_the_busy_timeout()
    {
        var file = Path.Combine(Path.GetTempPath(), $"gate-{Guid.NewGuid():N}.db");
        await using var first = Sqlite(file);
        await using var second = Sqlite(file);
        await using var elsewhere = Sqlite(file + "-other");

        var held = await SqliteWriteGate.EnterAsync(first.Database, CancellationToken.None);
        Assert.NotNull(held);
        using (await SqliteWriteGate.EnterAsync(elsewhere.Database, CancellationToken.None))
        {
            // Another file has its own gate.
        }
        var started = DateTime.UtcNow;
        var refused = await Assert.ThrowsAsync<TimeoutException>(() => SqliteWriteGate.EnterAsync(second.Database, CancellationToken.None).AsTask());
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.True(DbErrors.IsUnavailable(refused), "a writer that waited too long must answer 503");

        var waiting = SqliteWriteGate.EnterAsync(second.Database, CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        held!.Dispose();
        using var entered = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(entered);
    }

    [Fact]
    public async Task Sql_server_has_no_gate()
    {
        await using var db = new SqlServerForumsDbContext(new DbContextOptionsBuilder<SqlServerForumsDbContext>()
            .UseSqlServer("Server=localhost;Database=forums;Integrated Security=false").Options);

        Assert.Null(await SqliteWriteGate.EnterAsync(db.Database, CancellationToken.None));
    }
}
