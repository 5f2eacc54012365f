using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>Browser frontends on the origins configured, and on no other.</summary>
public sealed class CrossOriginTests : IDisposable
{
    private const string App = "https://app.example.org";
    private readonly ForumsApiFactory api = new(null, seed: false, new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = App });

    public void Dispose() => api.Dispose();

    private static HttpRequestMessage Preflight(string origin, string method, string headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/forums");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    [Fact]
    public async Task Every_answer_varies_with_the_origin_so_that_no_cache_hands_one_origins_answer_to_another()
    {
        foreach (var origin in new[] { App, "https://evil.example.net", null })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/forums");
            if (origin is not null)
                request.Headers.Add("Origin", origin);
            var response = await api.CreateClient().SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(1, response.Headers.Vary.Count(v => v.Equals("Origin", StringComparison.OrdinalIgnoreCase)));
        }
    }

    [Fact]
    public async Task A_traced_frontend_may_send_its_trace_context()
    {
        var response = await api.CreateClient().SendAsync(Preflight(App, "GET", "traceparent,tracestate,baggage"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        foreach (var header in (string[])["traceparent", "tracestate", "baggage"])
            Assert.Contains(header, Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_with_what_it_may_send()
    {
        var response = await api.CreateClient().SendAsync(Preflight(App, "POST", "authorization,content-type,idempotency-key,if-match"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(App, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Header(response, "Access-Control-Allow-Methods"));
        Assert.Contains("PATCH", Header(response, "Access-Control-Allow-Methods"));
        foreach (var header in (string[])["authorization", "content-type", "idempotency-key", "if-match"])
            Assert.Contains(header, Header(response, "Access-Control-Allow-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("", Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task An_answer_to_an_allowed_origin_exposes_the_headers_a_frontend_reads_and_an_error_is_readable_too()
    {
        var admin = api.CreateAdminClient();
        admin.DefaultRequestHeaders.Add("Origin", App);

        var created = await admin.PostJsonAsync("/api/forums", new ForumBuilder().Build());
        var refused = await api.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/forums") { Headers = { { "Origin", App } } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(App, Header(created, "Access-Control-Allow-Origin"));
        foreach (var exposed in (string[])["ETag", "Location", "Retry-After", "Idempotent-Replayed", "Content-Disposition", "Content-Language"])
            Assert.Contains(exposed, Header(created, "Access-Control-Expose-Headers"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(App, Header(refused, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Another_origin_gets_no_permission_and_none_is_given_without_configuration()
    {
        using var closed = new ForumsApiFactory(null, seed: false);

        var other = await api.CreateClient().SendAsync(Preflight("https://evil.example", "POST", "authorization"));
        var unconfigured = await closed.CreateClient().SendAsync(Preflight(App, "POST", "authorization"));

        Assert.Equal("", Header(other, "Access-Control-Allow-Origin"));
        Assert.Equal("", Header(unconfigured, "Access-Control-Allow-Origin"));
    }
}
