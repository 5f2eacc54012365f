using System.Text.Json.Nodes;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>A valid forum body; each test changes only what it is about.</summary>
public sealed class ForumBuilder
{
    private readonly JsonObject body;

    public ForumBuilder(string? slug = null)
    {
        body = new JsonObject
        {
            ["slug"] = slug ?? $"forum-{Guid.NewGuid():N}"[..20],
            ["title"] = new JsonObject { ["en"] = "Test forum", ["kk"] = "Сынақ форумы" },
            ["theme"] = null,
            ["description"] = null,
            ["series"] = null,
            ["edition"] = null,
            ["city"] = new JsonObject { ["en"] = "Turkistan", ["kk"] = "Түркістан" },
            ["country"] = "KZ",
            ["venue"] = null,
            ["timeZone"] = "Asia/Almaty",
            ["startDate"] = null,
            ["endDate"] = null,
            ["capacity"] = null,
            ["languages"] = new JsonArray("kk", "en"),
        };
    }

    public string Slug => (string)body["slug"]!;

    public ForumBuilder With(string field, JsonNode? value)
    {
        body[field] = value;
        return this;
    }

    public ForumBuilder Without(string field)
    {
        body.Remove(field);
        return this;
    }

    public JsonObject Build() => (JsonObject)body.DeepClone();
}
