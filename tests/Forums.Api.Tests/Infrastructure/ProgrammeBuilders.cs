using System.Net;
using System.Text.Json.Nodes;

namespace Forums.Api.Tests.Infrastructure;

public sealed class SpeakerBuilder
{
    private readonly JsonObject body;

    public SpeakerBuilder(string? name = null)
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        body = new JsonObject
        {
            ["name"] = name ?? $"Спикер {unique}",
            ["nameLatin"] = $"Speaker {unique}",
            ["position"] = new JsonObject { ["en"] = "Mayor" },
            ["organisation"] = new JsonObject { ["en"] = "City hall" },
            ["biography"] = new JsonObject { ["en"] = "Works on local self-government." },
            ["photoUrl"] = "https://example.org/photo.jpg",
            ["delegateId"] = null,
        };
    }

    public SpeakerBuilder With(string field, JsonNode? value)
    {
        body[field] = value;
        return this;
    }

    public JsonObject Build() => (JsonObject)body.DeepClone();
}

public sealed class SessionBuilder
{
    private readonly JsonObject body = new()
    {
        ["title"] = new JsonObject { ["en"] = $"Session {Guid.NewGuid().ToString("N")[..6]}", ["kk"] = "Сессия" },
        ["description"] = null,
        ["kind"] = "panel",
        ["order"] = 1,
        ["startsAt"] = null,
        ["endsAt"] = null,
        ["room"] = null,
        ["languages"] = new JsonArray("kk"),
        ["interpretationLanguages"] = new JsonArray("en"),
        ["capacity"] = null,
    };

    public SessionBuilder With(string field, JsonNode? value)
    {
        body[field] = value;
        return this;
    }

    public SessionBuilder Without(string field)
    {
        body.Remove(field);
        return this;
    }

    /// <summary>A slot given as local times with their offset, e.g. ("2027-05-20T10:00:00+05:00", "...11:00:00+05:00").</summary>
    public SessionBuilder At(string startsAt, string endsAt, string? room = null)
    {
        body["startsAt"] = startsAt;
        body["endsAt"] = endsAt;
        if (room is not null)
            body["room"] = room;
        return this;
    }

    public JsonObject Build() => (JsonObject)body.DeepClone();
}

public static class ProgrammeApi
{
    /// <summary>A forum in Asia/Almaty on 20–21 May 2027, created by an admin client; returns its id.</summary>
    public static async Task<string> CreateScheduledForumExpectingCreatedAsync(this HttpClient admin, string timeZone = "Asia/Almaty") =>
        (string)(await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("timeZone", timeZone).With("startDate", "2027-05-20").With("endDate", "2027-05-21")))["id"]!;

    public static async Task<JsonObject> CreateSpeakerExpectingCreatedAsync(this HttpClient client, string forumId, SpeakerBuilder? speaker = null) =>
        await (await client.PostJsonAsync($"/api/forums/{forumId}/speakers", (speaker ?? new SpeakerBuilder()).Build())).ShouldBeAsync(HttpStatusCode.Created);

    public static async Task<JsonObject> CreateSessionExpectingCreatedAsync(this HttpClient client, string forumId, SessionBuilder? session = null) =>
        await (await client.PostJsonAsync($"/api/forums/{forumId}/sessions", (session ?? new SessionBuilder()).Build())).ShouldBeAsync(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> AssignAsync(this HttpClient client, string forumId, string sessionId, string speakerId, string role = "speaker", int order = 1) =>
        client.PutJsonAsync($"/api/forums/{forumId}/sessions/{sessionId}/speakers/{speakerId}", new JsonObject { ["role"] = role, ["order"] = order });
}
