using System.Net;
using System.Text.Json.Nodes;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>
/// The steps most tests share, through HTTP like any client. A helper named ...Expecting&lt;Status&gt;Async asserts that status
/// and returns the body; a test that is about the answer sends the request itself.
/// </summary>
public static class ForumsApi
{
    public static async Task<JsonObject> CreateForumExpectingCreatedAsync(this HttpClient client, ForumBuilder? forum = null)
    {
        var response = await client.PostJsonAsync("/api/forums", (forum ?? new ForumBuilder()).Build());
        return await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    public static async Task<(JsonObject Forum, string ETag)> GetForumExpectingOkAsync(this HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/forums/{id}");
        return (await response.ShouldBeAsync(HttpStatusCode.OK), response.ETag());
    }

    public static async Task<JsonObject> PublishForumExpectingOkAsync(this HttpClient client, string id)
    {
        var response = await client.PostAsync($"/api/forums/{id}/publish", null);
        return await response.ShouldBeAsync(HttpStatusCode.OK);
    }
}
