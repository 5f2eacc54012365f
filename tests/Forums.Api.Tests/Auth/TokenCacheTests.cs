using Forums.Api.Auth;
using Forums.Api.Domain;

namespace Forums.Api.Tests.Auth;

public sealed class TokenCacheTests
{
    private readonly Stopwatch clock = new();

    [Fact]
    public void A_kept_token_is_found_until_its_lifetime_has_passed()
    {
        var cache = new TokenCache(clock, TimeSpan.FromSeconds(1));
        var token = Token();

        cache.Keep("hash", token);

        Assert.Same(token, cache.Find("hash"));
        Assert.Null(cache.Find("other"));
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Same(token, cache.Find("hash"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void A_lifetime_of_zero_keeps_nothing()
    {
        var cache = new TokenCache(clock, TimeSpan.Zero);

        cache.Keep("hash", Token());

        Assert.Null(cache.Find("hash"));
    }

    [Fact]
    public void Forgetting_a_token_drops_every_entry_of_it_and_only_those()
    {
        var cache = new TokenCache(clock, TimeSpan.FromMinutes(1));
        var revoked = Token();
        var other = Token();
        cache.Keep("revoked-1", revoked);
        cache.Keep("revoked-2", revoked);
        cache.Keep("other", other);

        cache.Forget(revoked.Id);

        Assert.Null(cache.Find("revoked-1"));
        Assert.Null(cache.Find("revoked-2"));
        Assert.Same(other, cache.Find("other"));
    }

    [Fact]
    public void A_full_cache_starts_again_rather_than_grow()
    {
        var cache = new TokenCache(clock, TimeSpan.FromMinutes(1));
        var first = Token();
        cache.Keep("first", first);
        for (var i = 1; i < 10_000; i++)
            cache.Keep($"hash-{i}", Token());
        Assert.Same(first, cache.Find("first"));

        cache.Keep("one-too-many", Token());

        Assert.Null(cache.Find("first"));
        Assert.NotNull(cache.Find("one-too-many"));
    }

    /// <summary>The cache measures its lifetime with timestamps; this clock's only move when the test says.</summary>
    private sealed class Stopwatch : TimeProvider
    {
        private long ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }

    private static TokenCache.ValidToken Token() => new(Guid.NewGuid(), TokenRole.Organiser, [Guid.NewGuid()], null);
}
