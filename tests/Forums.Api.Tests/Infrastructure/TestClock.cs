namespace Forums.Api.Tests.Infrastructure;

/// <summary>A clock the test moves; it can also be made to fail, to provoke an unexpected server error.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public bool Broken { get; set; }

    public override DateTimeOffset GetUtcNow() =>
        Broken ? throw new InvalidOperationException("The test broke the clock.") : now;

    public void Advance(TimeSpan by) => now += by;
}
