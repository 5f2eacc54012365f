namespace Forums.Api.Tests.Infrastructure;

/// <summary>
/// A clock the test moves; it can also be made to fail, to provoke an unexpected server error. Its timers fire
/// when the test moves the clock past their time, never by themselves, and its timestamps (what
/// <see cref="TimeProvider.GetElapsedTime(long)"/> measures) move with it: nothing the API times runs by the wall clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public bool Broken { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        if (Broken)
            throw new InvalidOperationException("The test broke the clock.");
        lock (gate)
            return now;
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp()
    {
        lock (gate)
            return now.UtcTicks;
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (gate)
        {
            now += by;
            due = timers.Where(t => t.IsDueAt(now)).ToList();
        }
        foreach (var timer in due)
            timer.Fire(now);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (gate)
            timers.Add(timer);
        timer.Change(dueTime, period);
        return timer;
    }

    private sealed class ManualTimer(TestClock clock, TimerCallback callback, object? state) : ITimer
    {
        private DateTimeOffset? next;
        private TimeSpan period;

        public bool IsDueAt(DateTimeOffset time)
        {
            lock (clock.gate)
                return next <= time;
        }

        public void Fire(DateTimeOffset time)
        {
            lock (clock.gate)
            {
                if (next is null || next > time)
                    return;
                // A periodic timer that fell behind fires once, as System.Threading.Timer does not catch up either.
                next = period > TimeSpan.Zero && period != Timeout.InfiniteTimeSpan ? time + period : null;
            }
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                this.period = period;
                next = dueTime == Timeout.InfiniteTimeSpan ? null : clock.now + dueTime;
            }
            return true;
        }

        public void Dispose()
        {
            lock (clock.gate)
            {
                next = null;
                clock.timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
