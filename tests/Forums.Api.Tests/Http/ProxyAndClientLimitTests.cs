using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>Whom a rate limit counts: the real client, as the connection or a configured proxy says, never as the client claims.</summary>
public sealed class ProxyAndClientLimitTests
{
    private const string Proxy = "10.0.0.1";

    private static ForumsApiFactory Api(int anonymousPermits, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:AnonymousPermitsPerMinute"] = anonymousPermits.ToString(),
        };
        foreach (var (key, value) in more)
            settings[key] = value;
        return new ForumsApiFactory(null, seed: false, settings);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_bucket()
    {
        using var api = Api(2, ("ForwardedHeaders:KnownProxies", Proxy));
        var client = api.CreateClient();
        for (var i = 0; i < 2; i++)
            await (await client.GetFromAsync("/api/forums", Proxy, ("X-Forwarded-For", "203.0.113.5"))).ShouldBeAsync(HttpStatusCode.OK);

        await (await client.GetFromAsync("/api/forums", Proxy, ("X-Forwarded-For", "203.0.113.5"))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await (await client.GetFromAsync("/api/forums", Proxy, ("X-Forwarded-For", "203.0.113.6"))).ShouldBeAsync(HttpStatusCode.OK);
        // The proxy appends the address it saw; what the client wrote before it is not believed.
        await (await client.GetFromAsync("/api/forums", Proxy, ("X-Forwarded-For", "198.51.100.1, 203.0.113.5"))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_spoofed_forwarded_for_gets_no_fresh_bucket()
    {
        using var api = Api(2);
        var client = api.CreateClient();
        for (var i = 0; i < 2; i++)
            await (await client.GetFromAsync("/api/forums", "198.51.100.7", ("X-Forwarded-For", $"203.0.113.{i}"))).ShouldBeAsync(HttpStatusCode.OK);

        var limited = await client.GetFromAsync("/api/forums", "198.51.100.7", ("X-Forwarded-For", "203.0.113.99"));

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await (await client.GetFromAsync("/api/forums", "198.51.100.8")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_frameworks_forwarded_headers_switch_trusts_no_one_while_no_proxy_is_configured()
    {
        using var api = Api(2, ("FORWARDEDHEADERS_ENABLED", "true"));
        var client = api.CreateClient();
        for (var i = 0; i < 2; i++)
            await (await client.GetFromAsync("/api/forums", "198.51.100.7", ("X-Forwarded-For", $"203.0.113.{i}"))).ShouldBeAsync(HttpStatusCode.OK);

        await (await client.GetFromAsync("/api/forums", "198.51.100.7", ("X-Forwarded-For", "203.0.113.99"))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_known_proxy_is_believed_only_for_its_own_connections()
    {
        using var api = Api(2, ("ForwardedHeaders:KnownNetworks", "10.0.0.0/24"));
        var client = api.CreateClient();
        for (var i = 0; i < 2; i++)
            await (await client.GetFromAsync("/api/forums", "198.51.100.7", ("X-Forwarded-For", $"203.0.113.{i}"))).ShouldBeAsync(HttpStatusCode.OK);

        await (await client.GetFromAsync("/api/forums", "198.51.100.7", ("X-Forwarded-For", "203.0.113.50"))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await (await client.GetFromAsync("/api/forums", "10.0.0.9", ("X-Forwarded-For", "198.51.100.7"))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await (await client.GetFromAsync("/api/forums", "10.0.0.9", ("X-Forwarded-For", "203.0.113.50"))).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_addresses_of_one_ipv6_network_share_one_bucket()
    {
        using var api = Api(2);
        var client = api.CreateClient();
        await (await client.GetFromAsync("/api/forums", "2001:db8:1:2::1")).ShouldBeAsync(HttpStatusCode.OK);
        await (await client.GetFromAsync("/api/forums", "2001:db8:1:2::2")).ShouldBeAsync(HttpStatusCode.OK);

        await (await client.GetFromAsync("/api/forums", "2001:db8:1:2:ffff:ffff:ffff:ffff")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        await (await client.GetFromAsync("/api/forums", "2001:db8:1:3::1")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Unknown_tokens_count_against_their_client_and_then_answer_429_with_retry_after()
    {
        using var api = Api(1000, ("RateLimiting:FailedAuthenticationsPerMinute", "3"));
        var client = api.CreateClient();
        const string attacker = "198.51.100.66";
        for (var i = 0; i < 3; i++)
            await (await client.GetFromAsync(i == 0 ? "/health/live" : "/api/forums", attacker, ("Authorization", $"Bearer fat_guess-{i}")))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var limited = await client.GetFromAsync("/api/tokens", attacker, ("Authorization", "Bearer fat_guess-4"));

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await (await client.GetFromAsync("/health/live", attacker, ("Authorization", "Bearer fat_guess-5"))).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        // The limit is on guessing: the same client with a valid token, and another client, are served.
        await (await client.GetFromAsync("/api/tokens", attacker, ("Authorization", $"Bearer {ForumsApiFactory.AdminToken}"))).ShouldBeAsync(HttpStatusCode.OK);
        await (await client.GetFromAsync("/api/forums", "198.51.100.67", ("Authorization", "Bearer fat_guess-6"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_document_declares_the_429_and_its_retry_after_on_every_operation()
    {
        using var api = new EmptyForumsApiFactory();
        var document = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);

        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!)).ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.NotNull(o["responses"]!["429"]?["headers"]?["Retry-After"]));
    }
}
