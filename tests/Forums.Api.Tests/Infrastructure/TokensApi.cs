using System.Net;
using System.Text.Json.Nodes;

namespace Forums.Api.Tests.Infrastructure;

public static class TokensApi
{
    /// <summary>Creates an organiser token for these forums with an admin client; returns (id, secret).</summary>
    public static async Task<(string Id, string Token)> CreateOrganiserTokenExpectingCreatedAsync(this HttpClient admin, params string[] forumIds)
    {
        var body = new JsonObject { ["name"] = "Organiser", ["role"] = "organiser", ["forumIds"] = new JsonArray(forumIds.Select(f => (JsonNode)f).ToArray()) };
        var created = await (await admin.PostJsonAsync("/api/tokens", body)).ShouldBeAsync(HttpStatusCode.Created);
        return ((string)created["id"]!, (string)created["token"]!);
    }
}
