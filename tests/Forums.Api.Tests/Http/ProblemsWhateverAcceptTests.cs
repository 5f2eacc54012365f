using System.Net;
using System.Net.Http.Headers;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>
/// Every error is the same problem document whatever the request accepts: generated clients send the download's media
/// type (image/png, text/csv, text/calendar) as Accept, and the error they get must still be application/problem+json
/// with its instance and trace id.
/// </summary>
public sealed class ProblemsWhateverAcceptTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private static readonly string[] Accepts = ["image/png", "text/csv", "text/calendar", "text/plain", "application/xml", "application/json"];

    [Fact]
    public async Task Every_operation_answers_a_bad_token_and_an_unknown_forum_with_problem_details_whatever_it_accepts()
    {
        var admin = api.CreateAdminClient();
        var badToken = api.CreateClientWithToken("fat_this-token-was-never-issued-by-the-api");
        var world = await OperationWalk.PublishedWorldAsync(admin);
        var unknownForum = new Dictionary<string, string>(world) { ["forumId"] = Guid.NewGuid().ToString(), ["slug"] = "no-such-forum" };

        var failures = new List<string>();
        foreach (var operation in await OperationWalk.OperationsAsync(admin))
        foreach (var accept in Accepts)
        {
            failures.AddRange(await ProblemFailuresAsync(badToken, OperationWalk.Request(operation, world), accept, HttpStatusCode.Unauthorized, operation.Id));
            // A body is checked before the forum is looked up: the 404 is asked of the operations without one.
            if ((operation.Path.Contains("{forumId}") || operation.Path.Contains("{slug}")) && operation.BodyType is null)
                failures.AddRange(await ProblemFailuresAsync(admin, OperationWalk.Request(operation, unknownForum), accept, HttpStatusCode.NotFound, operation.Id));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("badge/qr.png", "GET", "image/png")]
    [InlineData("badge", "GET", "image/svg+xml")]
    [InlineData("confirm", "POST", "text/plain")]
    public async Task A_conflict_over_a_cancelled_delegate_is_problem_details_whatever_it_accepts(string action, string method, string accept)
    {
        var admin = api.CreateAdminClient();
        var forumId = await admin.CreateForumWithCapacityExpectingCreatedAsync(null, requiresApproval: true);
        var delegateId = (string)(await admin.RegisterExpectingCreatedAsync(forumId))["id"]!;
        await admin.DelegateActionExpectingOkAsync(forumId, delegateId, "cancel");
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/forums/{forumId}/delegates/{delegateId}/{action}");

        var failures = await ProblemFailuresAsync(admin, request, accept, HttpStatusCode.Conflict, action);

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<List<string>> ProblemFailuresAsync(HttpClient client, HttpRequestMessage request, string accept, HttpStatusCode expected, string name)
    {
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var failures = new List<string>();
        void Fail(string what) => failures.Add($"{name} with Accept {accept} ({(int)response.StatusCode}): {what} — {text[..Math.Min(text.Length, 200)]}");
        if (response.StatusCode != expected)
            Fail($"expected {(int)expected}");
        else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            Fail($"content type {response.Content.Headers.ContentType}");
        else
        {
            var problem = System.Text.Json.Nodes.JsonNode.Parse(text)!.AsObject();
            foreach (var member in (string[])["type", "title", "status", "instance", "traceId"])
                if (problem[member] is null)
                    Fail($"no {member}");
        }
        return failures;
    }
}
