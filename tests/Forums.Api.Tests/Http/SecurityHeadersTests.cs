using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>The OWASP REST headers on every answer of every operation, and no-store on every answer that may be private.</summary>
public sealed class SecurityHeadersTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private static IEnumerable<string> Missing(HttpResponseMessage response, bool mustNotBeStored)
    {
        string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
        if (Header("X-Content-Type-Options") != "nosniff")
            yield return "X-Content-Type-Options: nosniff";
        if (Header("X-Frame-Options") != "DENY")
            yield return "X-Frame-Options: DENY";
        if (!Header("Content-Security-Policy").Contains("frame-ancestors 'none'"))
            yield return "Content-Security-Policy: frame-ancestors 'none'";
        if (Header("Referrer-Policy") != "no-referrer")
            yield return "Referrer-Policy: no-referrer";
        if (mustNotBeStored && response.Headers.CacheControl?.NoStore != true)
            yield return "Cache-Control: no-store";
        if (Header("Strict-Transport-Security") != "")
            yield return "no Strict-Transport-Security over plain HTTP";
    }

    [Fact]
    public async Task Every_answer_of_every_operation_carries_the_headers_and_private_ones_are_not_stored()
    {
        var admin = api.CreateAdminClient();
        var callers = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = api.CreateClient(),
            ["bad token"] = api.CreateClientWithToken("fat_this-token-was-never-issued-by-the-api"),
            ["admin"] = admin,
        };

        var failures = new List<string>();
        foreach (var operation in await OperationWalk.OperationsAsync(admin))
        {
            var world = await OperationWalk.PublishedWorldAsync(admin);
            foreach (var (who, client) in callers)
            {
                var response = await client.SendAsync(OperationWalk.Request(operation, world));
                var status = (int)response.StatusCode;
                var mustNotBeStored = who != "anonymous" || status >= 400 || operation.Method != HttpMethod.Get || operation.Path.StartsWith("/health");
                failures.AddRange(Missing(response, mustNotBeStored).Select(m => $"{operation.Id} as {who} ({status}): {m}"));
                if (!mustNotBeStored && (response.Headers.CacheControl?.NoStore == true || !response.Headers.Vary.Contains("Authorization")))
                    failures.Add($"{operation.Id} as {who} ({status}): a public read must stay cacheable and vary by Authorization");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_public_read_keeps_its_etag_caching()
    {
        var world = await OperationWalk.PublishedWorldAsync(api.CreateAdminClient());
        var anonymous = api.CreateClient();
        var first = await anonymous.GetAsync($"/api/forums/{world["forumId"]}/agenda");
        await first.ShouldBeAsync(HttpStatusCode.OK);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/forums/{world["forumId"]}/agenda") { Headers = { { "If-None-Match", first.ETag() } } };
        var notModified = await anonymous.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(Missing(notModified, mustNotBeStored: false));
        Assert.NotEqual(true, notModified.Headers.CacheControl?.NoStore);
        Assert.Contains("Authorization", first.Headers.Vary);
    }

    [Fact]
    public async Task Personal_data_is_never_stored_by_a_cache()
    {
        var admin = api.CreateAdminClient();
        var world = await OperationWalk.PublishedWorldAsync(admin);

        var response = await admin.GetAsync($"/api/forums/{world["forumId"]}/delegates/{world["delegateId"]}");

        Assert.Contains("@", (string)(await response.ShouldBeAsync(HttpStatusCode.OK))["email"]!);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Empty(Missing(response, mustNotBeStored: true));
    }

    [Fact]
    public async Task Swagger_ui_may_load_its_scripts_and_json_answers_may_load_nothing()
    {
        var client = api.CreateClient();

        var page = await client.GetAsync("/swagger/index.html");
        var data = await client.GetAsync("/api/forums");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Empty(Missing(page, mustNotBeStored: false));
        Assert.Equal("frame-ancestors 'none'", string.Join(",", page.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", string.Join(",", data.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Over_https_answers_carry_strict_transport_security()
    {
        var response = await api.CreateClient().GetAsync("https://localhost/api/forums");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }
}
