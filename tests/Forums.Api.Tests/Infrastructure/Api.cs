using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Forums.Api.Tests.Infrastructure;

public static class Api
{
    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, JsonNode? body,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode? body, params (string, string)[] headers) =>
        client.SendJsonAsync(HttpMethod.Post, url, body, headers);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, JsonNode? body, params (string, string)[] headers) =>
        client.SendJsonAsync(HttpMethod.Put, url, body, headers);

    /// <summary>A JSON Merge Patch (RFC 7396): PATCH with Content-Type application/merge-patch+json.</summary>
    public static async Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string url, JsonNode body, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/merge-patch+json"),
        };
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return await client.SendAsync(request);
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>Asserts the status and that the answer is RFC 9457 problem details of that status; returns it.</summary>
    public static async Task<JsonObject> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
        Assert.StartsWith("https://", (string)problem["type"]!);
        Assert.False(string.IsNullOrEmpty((string?)problem["traceId"]));
        Assert.StartsWith("/", (string?)problem["instance"]);
        Assert.DoesNotContain("   at ", text);
        return problem;
    }

    /// <summary>Asserts a 400 whose errors name exactly these fields.</summary>
    public static async Task<JsonObject> ShouldBeInvalidAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(fields.Order(), errors.Select(e => e.Key).Order());
        return problem;
    }

    /// <summary>Asserts a 400 whose errors name this field (and maybe others).</summary>
    public static async Task<JsonObject> ShouldBeInvalidAmongAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"errors do not name '{field}': {problem["errors"]}");
        return problem;
    }

    public static async Task<JsonObject> ShouldBeAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException("The answer has no ETag.");

    public static MediaTypeHeaderValue? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType;
}

public static class ProblemAssertions
{
    /// <summary>Asserts problem details of this status and problem type (its name, under the default type base); returns it.</summary>
    public static async Task<JsonObject> ShouldBeProblemOfTypeAsync(this HttpResponseMessage response, HttpStatusCode status, string typeName)
    {
        var problem = await response.ShouldBeProblemAsync(status);
        Assert.Equal(Forums.Api.Http.ProblemTypeUris.DefaultBase + typeName, (string?)problem["type"]);
        return problem;
    }
}
