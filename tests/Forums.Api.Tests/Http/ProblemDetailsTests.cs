using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

public sealed class ProblemDetailsTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient client = api.CreateAdminClient();

    [Fact]
    public async Task An_entry_of_an_error_document_lists_at_most_five_messages()
    {
        var forum = (string)(await client.CreateForumAsync())["id"]!;
        var name = new System.Text.Json.Nodes.JsonObject();
        for (var i = 0; i < 1_000; i++)
            name[$"?{i}?"] = "Delegation";

        var response = await client.PostJsonAsync($"/api/forums/{forum}/delegations", new DelegationBuilder().With("name", name).Build());

        var problem = await response.ShouldBeInvalidAsync("name");
        Assert.Equal(5, problem["errors"]!["name"]!.AsArray().Count);
        Assert.True((await response.Content.ReadAsStringAsync()).Length < 4_096);
    }

    [Fact]
    public async Task A_message_that_would_repeat_a_long_input_is_cut_short()
    {
        var unknown = Enumerable.Range(0, 100).Select(_ => (System.Text.Json.Nodes.JsonNode)Guid.NewGuid().ToString()).ToArray();
        var token = new System.Text.Json.Nodes.JsonObject { ["name"] = "Desk", ["role"] = "organiser", ["forumIds"] = new System.Text.Json.Nodes.JsonArray(unknown) };

        var problem = await (await client.PostJsonAsync("/api/tokens", token)).ShouldBeInvalidAsync("forumIds");

        var message = (string)problem["errors"]!["forumIds"]![0]!;
        Assert.Equal(500, message.Length);
        Assert.EndsWith("…", message);
    }

    [Fact]
    public async Task A_conflict_that_names_many_resources_answers_a_short_detail()
    {
        var body = new ForumBuilder().With("startDate", "2027-05-20").With("endDate", "2027-05-21");
        var forum = (string)(await client.CreateForumAsync(body))["id"]!;
        for (var i = 0; i < 40; i++)
            await client.CreateSessionAsync(forum, new SessionBuilder().At("2027-05-21T10:00:00+05:00", "2027-05-21T11:00:00+05:00"));

        var problem = await (await client.PutJsonAsync($"/api/forums/{forum}", body.With("endDate", "2027-05-20").Build())).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var detail = (string)problem["detail"]!;
        Assert.StartsWith("These sessions would lie outside the forum's dates", detail);
        Assert.Equal(2_000, detail.Length);
        Assert.EndsWith("…", detail);
    }

    [Fact]
    public async Task An_unknown_route_is_404_problem_details()
    {
        var problem = await (await client.GetAsync("/api/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("/api/no-such-thing", (string)problem["instance"]!);
    }

    [Fact]
    public async Task A_method_the_route_does_not_have_is_405_with_allow()
    {
        var response = await client.PatchAsync("/api/forums", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task An_unexpected_failure_is_500_problem_details_without_internals()
    {
        var id = (string)(await client.CreateForumAsync())["id"]!;
        api.Clock.Broken = true;
        try
        {
            var response = await client.PostAsync($"/api/forums/{id}/publish", null);

            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
            Assert.DoesNotContain("clock", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
            // The log line of the failure carries the trace id the caller got, so support can find it.
            Assert.Contains(api.Logs.Lines, l => l.Level == Microsoft.Extensions.Logging.LogLevel.Error && l.Message.Contains((string)problem["traceId"]!));
            Assert.DoesNotContain("exception", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            api.Clock.Broken = false;
        }
        var (read, _) = await client.GetForumAsync(id);
        Assert.Equal("draft", (string)read["status"]!);
    }

    [Fact]
    public async Task Problem_trace_ids_differ_per_request()
    {
        var first = await (await client.GetAsync("/api/nothing-1")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var second = await (await client.GetAsync("/api/nothing-2")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        Assert.NotEqual((string)first["traceId"]!, (string)second["traceId"]!);
    }
}
