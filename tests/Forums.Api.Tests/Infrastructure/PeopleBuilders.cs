using System.Text.Json.Nodes;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>A valid delegate body; each test changes only what it is about.</summary>
public sealed class DelegateBuilder
{
    private readonly JsonObject body;

    public DelegateBuilder(string? name = null)
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        body = new JsonObject
        {
            ["name"] = name ?? $"Делегат {unique}",
            ["nameLatin"] = $"Delegate {unique}",
            ["position"] = new JsonObject { ["en"] = "Deputy akim" },
            ["organisation"] = new JsonObject { ["en"] = "Akimat" },
            ["country"] = "KZ",
            ["email"] = $"delegate-{unique}@example.kz",
            ["phone"] = "+7 725 330 0000",
            ["languages"] = new JsonArray("kk", "ru"),
            ["needs"] = new JsonObject { ["diet"] = "halal", ["access"] = null, ["interpretation"] = "kk-ko" },
            ["delegationId"] = null,
        };
    }

    public DelegateBuilder With(string field, JsonNode? value)
    {
        body[field] = value;
        return this;
    }

    public JsonObject Build() => (JsonObject)body.DeepClone();
}

public sealed class DelegationBuilder
{
    private readonly JsonObject body = new()
    {
        ["name"] = new JsonObject { ["en"] = $"Delegation {Guid.NewGuid().ToString("N")[..6]}" },
        ["kind"] = "region",
        ["country"] = "KZ",
        ["region"] = null,
        ["quota"] = null,
    };

    public DelegationBuilder With(string field, JsonNode? value)
    {
        body[field] = value;
        return this;
    }

    public JsonObject Build() => (JsonObject)body.DeepClone();
}

public static class PeopleApi
{
    public static async Task<JsonObject> CreateDelegationExpectingCreatedAsync(this HttpClient client, string forumId, DelegationBuilder? delegation = null) =>
        await (await client.PostJsonAsync($"/api/forums/{forumId}/delegations", (delegation ?? new DelegationBuilder()).Build()))
            .ShouldBeAsync(System.Net.HttpStatusCode.Created);

    public static async Task<JsonObject> RegisterExpectingCreatedAsync(this HttpClient client, string forumId, DelegateBuilder? delegate_ = null) =>
        await (await client.PostJsonAsync($"/api/forums/{forumId}/delegates", (delegate_ ?? new DelegateBuilder()).Build()))
            .ShouldBeAsync(System.Net.HttpStatusCode.Created);

    public static async Task<JsonObject> DelegateActionExpectingOkAsync(this HttpClient client, string forumId, string delegateId, string action) =>
        await (await client.PostAsync($"/api/forums/{forumId}/delegates/{delegateId}/{action}", null))
            .ShouldBeAsync(System.Net.HttpStatusCode.OK);

    public static async Task<JsonObject> GetDelegateExpectingOkAsync(this HttpClient client, string forumId, string delegateId) =>
        await (await client.GetAsync($"/api/forums/{forumId}/delegates/{delegateId}")).ShouldBeAsync(System.Net.HttpStatusCode.OK);

    /// <summary>A forum with this capacity (null: unlimited), created by an admin client; returns its id.</summary>
    public static async Task<string> CreateForumWithCapacityExpectingCreatedAsync(this HttpClient admin, int? capacity, bool requiresApproval = false) =>
        (string)(await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("capacity", capacity).With("requiresApproval", requiresApproval)))["id"]!;
}
