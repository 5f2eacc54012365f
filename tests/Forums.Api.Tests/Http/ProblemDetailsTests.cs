using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

public sealed class ProblemDetailsTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient client = api.CreateAdminClient();

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
