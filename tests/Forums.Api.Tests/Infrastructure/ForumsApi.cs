using System.Net;
using System.Text.Json.Nodes;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>The steps most tests share, through HTTP like any client.</summary>
public static class ForumsApi
{
    public static async Task<JsonObject> CreateForumAsync(this HttpClient client, ForumBuilder? forum = null)
    {
        var response = await client.PostJsonAsync("/api/forums", (forum ?? new ForumBuilder()).Build());
        return await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    public static async Task<(JsonObject Forum, string ETag)> GetForumAsync(this HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/forums/{id}");
        return (await response.ShouldBeAsync(HttpStatusCode.OK), response.ETag());
    }

    public static async Task<JsonObject> PublishForumAsync(this HttpClient client, string id)
    {
        var response = await client.PostAsync($"/api/forums/{id}/publish", null);
        return await response.ShouldBeAsync(HttpStatusCode.OK);
    }
}
