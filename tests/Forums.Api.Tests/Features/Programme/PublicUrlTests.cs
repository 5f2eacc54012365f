using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Programme;

/// <summary>The absolute URLs the API writes come from configuration or a trusted proxy, never from what a client claims.</summary>
public sealed class PublicUrlTests
{
    private static async Task<(ForumsApiFactory Api, string Forum)> ApiWithScheduleAsync(params (string Key, string Value)[] settings)
    {
        var api = new ForumsApiFactory(null, seed: false, settings.ToDictionary(s => s.Key, s => (string?)s.Value));
        var world = await OperationWalk.PublishedWorldAsync(api.CreateAdminClient());
        return (api, world["forumId"]);
    }

    private static List<string> Urls(JsonObject schedule) =>
    [
        (string)schedule["schedule"]!["base_url"]!,
        (string)schedule["schedule"]!["conference"]!["url"]!,
        .. schedule["schedule"]!["conference"]!["days"]!.AsArray()
            .SelectMany(d => d!["rooms"]!.AsObject().SelectMany(r => r.Value!.AsArray().Select(e => (string)e!["url"]!))),
    ];

    [Fact]
    public async Task The_schedule_takes_its_urls_from_the_configured_public_base_url_not_the_host_header()
    {
        var (api, forum) = await ApiWithScheduleAsync(("Api:PublicBaseUrl", " https://forum.example.org/ \n"));
        using var _ = api;

        var response = await api.CreateClient().GetAsync($"http://evil.example/api/forums/{forum}/schedule.json");

        var urls = Urls(await response.ShouldBeAsync(HttpStatusCode.OK));
        Assert.Equal($"https://forum.example.org/api/forums/{forum}", urls[1]);
        Assert.Equal(3, urls.Count);
        Assert.All(urls, u => Assert.StartsWith("https://forum.example.org/", u));
    }

    [Fact]
    public async Task Without_a_public_base_url_the_schedule_follows_the_scheme_and_host_a_trusted_proxy_forwards()
    {
        var (api, forum) = await ApiWithScheduleAsync(("ForwardedHeaders:KnownProxies", "10.0.0.1"));
        using var _ = api;

        var response = await api.CreateClient().GetFromAsync($"/api/forums/{forum}/schedule.json", "10.0.0.1",
            ("X-Forwarded-For", "203.0.113.5"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "forum.example.org"));

        Assert.All(Urls(await response.ShouldBeAsync(HttpStatusCode.OK)), u => Assert.StartsWith("https://forum.example.org/", u));
    }

    [Theory]
    [InlineData("javascript")]
    [InlineData("gopher")]
    public async Task A_known_proxy_forwarding_a_scheme_other_than_http_or_https_is_refused(string scheme)
    {
        var (api, forum) = await ApiWithScheduleAsync(("ForwardedHeaders:KnownProxies", "10.0.0.1"));
        using var _ = api;

        var response = await api.CreateClient().GetFromAsync($"/api/forums/{forum}/schedule.json", "10.0.0.1", ("X-Forwarded-Proto", scheme));

        var problem = await response.ShouldBeInvalidAsync("X-Forwarded-Proto");
        Assert.Contains("http or https", (string)problem["errors"]!["X-Forwarded-Proto"]![0]!);
    }

    [Fact]
    public async Task A_forwarded_scheme_in_capitals_is_written_in_lower_case()
    {
        var (api, forum) = await ApiWithScheduleAsync(("ForwardedHeaders:KnownProxies", "10.0.0.1"));
        using var _ = api;

        var response = await api.CreateClient().GetFromAsync($"/api/forums/{forum}/schedule.json", "10.0.0.1", ("X-Forwarded-Proto", "HTTPS"));

        Assert.All(Urls(await response.ShouldBeAsync(HttpStatusCode.OK)), u => Assert.StartsWith("https://", u));
    }

    [Fact]
    public async Task Forwarded_scheme_and_host_from_a_client_that_is_not_a_known_proxy_change_nothing()
    {
        var (api, forum) = await ApiWithScheduleAsync(("ForwardedHeaders:KnownProxies", "10.0.0.1"));
        using var _ = api;

        var response = await api.CreateClient().GetFromAsync($"/api/forums/{forum}/schedule.json", "198.51.100.7",
            ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example"));

        Assert.All(Urls(await response.ShouldBeAsync(HttpStatusCode.OK)), u => Assert.StartsWith("http://localhost/", u));
    }

    [Fact]
    public async Task A_host_that_is_not_allowed_is_a_400_problem_but_health_probes_by_address_are_answered()
    {
        using var api = new ForumsApiFactory(null, seed: false, new Dictionary<string, string?> { ["AllowedHosts"] = "forum.example.org;*.forum.example.org" });
        var client = api.CreateClient();

        var problem = await (await client.GetAsync("http://evil.example/api/forums")).ShouldBeInvalidAsync("Host");

        Assert.Contains("AllowedHosts", (string)problem["errors"]!["Host"]![0]!);
        Assert.DoesNotContain("evil.example", problem.ToJsonString());
        await (await client.GetAsync("http://forum.example.org/api/forums")).ShouldBeAsync(HttpStatusCode.OK);
        await (await client.GetAsync("http://admin.forum.example.org:8080/api/forums")).ShouldBeAsync(HttpStatusCode.OK);
        await (await client.GetAsync("http://10.1.2.3:8080/health/live")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task No_answer_of_any_operation_echoes_the_host_header()
    {
        var (api, _) = await ApiWithScheduleAsync(("Api:PublicBaseUrl", "https://forum.example.org"));
        using var __ = api;
        var admin = api.CreateAdminClient();
        var anonymous = api.CreateClient();

        var echoes = new List<string>();
        foreach (var operation in await OperationWalk.OperationsAsync(admin))
        {
            var world = await OperationWalk.PublishedWorldAsync(admin);
            foreach (var client in new[] { anonymous, admin })
            {
                var response = await client.SendAsync(OperationWalk.Request(operation, world, "http://evil.example"));
                var text = string.Join("\n", response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}"))
                           + await response.Content.ReadAsStringAsync();
                if (text.Contains("evil.example", StringComparison.OrdinalIgnoreCase))
                    echoes.Add($"{operation.Id} ({(int)response.StatusCode})");
            }
        }
        var documents = new[] { "/swagger/v1/swagger.json", "/swagger/index.html" };
        foreach (var url in documents)
            if ((await (await anonymous.GetAsync("http://evil.example" + url)).Content.ReadAsStringAsync()).Contains("evil.example"))
                echoes.Add(url);

        Assert.True(echoes.Count == 0, "These answers echo the Host header: " + string.Join(", ", echoes));
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("forum.example.org", null, false)]
    [InlineData(null, "https://forum.example.org", false)]
    public async Task Production_warns_at_start_up_while_urls_would_follow_any_host_header(string? allowedHosts, string? publicBaseUrl, bool warns)
    {
        using var api = new ForumsApiFactory(null, seed: false, new Dictionary<string, string?>
        {
            ["environment"] = "Production", ["AllowedHosts"] = allowedHosts ?? "*", ["Api:PublicBaseUrl"] = publicBaseUrl,
        });

        await (await api.CreateClient().GetAsync("http://forum.example.org/health/live")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(warns, api.Logs.Lines.Any(l => l.Level == Microsoft.Extensions.Logging.LogLevel.Warning && l.Message.Contains("Api:PublicBaseUrl")));
    }
}
