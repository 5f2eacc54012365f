using System.Net;
using Forums.Api.Http;
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
        Assert.InRange(problem["errors"]!["name"]!.AsArray().Count, 1, Problems.MaxMessagesPerEntry);
        Assert.True((await response.Content.ReadAsStringAsync()).Length < 4_096);
    }

    // The rules bound their own messages (a language map names three bad tags), so the global cap is proven on its own:
    // whatever a rule or a binder produces, the document that leaves is bounded.
    [Fact]
    public void Every_error_document_is_capped_in_entries_messages_and_lengths()
    {
        var errors = Enumerable.Range(0, 1_000).ToDictionary(i => $"field{i}" + (i == 0 ? new string('k', 10_000) : ""),
            i => Enumerable.Range(0, 50).Select(m => $"message {m} " + new string('x', 10_000)).ToArray());

        var capped = Problems.Capped(errors);

        Assert.Equal(Problems.MaxErrorEntries + 1, capped.Count);
        Assert.Equal([$"{1_000 - Problems.MaxErrorEntries:N0} more entries are not shown; correct these and send again to see them."], capped[Problems.MoreErrorsKey]);
        Assert.All(capped.Where(e => e.Key != Problems.MoreErrorsKey), e =>
        {
            Assert.Equal(Problems.MaxMessagesPerEntry, e.Value.Length);
            Assert.All(e.Value, m => Assert.Equal(Problems.MaxMessageLength, m.Length));
            Assert.InRange(e.Key.Length, 1, Problems.MaxMessageLength);
        });
    }

    [Fact]
    public async Task A_problem_detail_is_cut_short()
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = api.Services };
        context.Response.Body = new MemoryStream();

        await Problems.Result(409, new string('d', 100_000)).ExecuteAsync(context);

        context.Response.Body.Position = 0;
        var detail = (string)System.Text.Json.Nodes.JsonNode.Parse(context.Response.Body)!["detail"]!;
        Assert.Equal(Problems.MaxDetailLength, detail.Length);
        Assert.EndsWith("…", detail);
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
        Assert.InRange(detail.Length, 1, Problems.MaxDetailLength);
        Assert.Contains("and 35 more", detail);
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
