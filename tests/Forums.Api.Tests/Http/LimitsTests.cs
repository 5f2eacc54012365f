using System.Net;
using System.Text;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

public sealed class LimitsTests
{
    [Fact]
    public async Task A_body_over_the_limit_is_413_and_the_import_takes_more()
    {
        using var api = new ForumsApiFactory(null, seed: false, new Dictionary<string, string?> { ["Limits:MaxRequestBodyBytes"] = "2048" });
        var admin = api.CreateAdminClient();
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var big = new ForumBuilder().With("description", new System.Text.Json.Nodes.JsonObject { ["en"] = new string('x', 5_000) }).Build();
        var problem = await (await admin.PostJsonAsync("/api/forums", big)).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("2,048", (string)problem["detail"]!);
        await (await admin.ImportAsync(forum, CsvFiles.File(100))).ShouldBeAsync(HttpStatusCode.OK);
        // The limit holds for a request of any method, and the document says so for every operation (the client checks it).
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/forums/{forum}") { Content = new StringContent(new string('x', 5_000)) };
        await (await admin.SendAsync(read)).ShouldBeProblemOfTypeAsync(HttpStatusCode.RequestEntityTooLarge, "too-large");
    }

    [Fact]
    public async Task Past_the_rate_limit_an_anonymous_client_gets_429_with_retry_after_and_a_token_its_own_allowance()
    {
        using var api = new ForumsApiFactory(null, seed: false, new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "true",
            ["RateLimiting:AnonymousPermitsPerMinute"] = "3",
            ["RateLimiting:TokenPermitsPerMinute"] = "1000",
        });
        var anonymous = api.CreateClient();
        for (var i = 0; i < 3; i++)
            await (await anonymous.GetAsync("/api/forums")).ShouldBeAsync(HttpStatusCode.OK);

        var limited = await anonymous.GetAsync("/api/forums");

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await (await api.CreateAdminClient().GetAsync("/api/forums")).ShouldBeAsync(HttpStatusCode.OK);
        await (await anonymous.GetAsync("/health/live")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Health_says_live_and_ready()
    {
        using var api = new EmptyForumsApiFactory();
        var client = api.CreateClient();

        Assert.Equal("live", (string)(await (await client.GetAsync("/health/live")).ShouldBeAsync(HttpStatusCode.OK))["status"]!);
        Assert.Equal("ready", (string)(await (await client.GetAsync("/health/ready")).ShouldBeAsync(HttpStatusCode.OK))["status"]!);
    }
}
