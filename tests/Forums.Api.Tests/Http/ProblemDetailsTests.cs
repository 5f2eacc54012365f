using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Http;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

public sealed class ProblemDetailsTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient client = api.CreateAdminClient();

    [Fact]
    public async Task An_entry_of_an_error_document_lists_at_most_five_messages()
    {
        var forum = (string)(await client.CreateForumExpectingCreatedAsync())["id"]!;
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

        await Problems.Result(ProblemTypes.ChangedConcurrently, new string('d', 100_000)).ExecuteAsync(context);

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
        var forum = (string)(await client.CreateForumExpectingCreatedAsync(body))["id"]!;
        for (var i = 0; i < 40; i++)
            await client.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-21T10:00:00+05:00", "2027-05-21T11:00:00+05:00"));

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
        // The framework writes no detail of its own: the type's sentence is a person's to read.
        Assert.StartsWith("Not found. Check the id", (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_method_the_route_does_not_have_is_405_with_allow()
    {
        var response = await client.PatchAsync("/api/forums", null);

        var problem = await response.ShouldBeProblemOfTypeAsync(HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
        Assert.StartsWith("The method is not allowed here.", (string)problem["detail"]!);
    }

    [Fact]
    public async Task An_unexpected_failure_is_500_problem_details_without_internals()
    {
        var id = (string)(await client.CreateForumExpectingCreatedAsync())["id"]!;
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
        var (read, _) = await client.GetForumExpectingOkAsync(id);
        Assert.Equal("draft", (string)read["status"]!);
    }

    [Fact]
    public async Task Problem_trace_ids_differ_per_request()
    {
        var first = await (await client.GetAsync("/api/nothing-1")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var second = await (await client.GetAsync("/api/nothing-2")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        Assert.NotEqual((string)first["traceId"]!, (string)second["traceId"]!);
    }

    [Fact]
    public async Task Error_messages_and_keys_show_bidi_overrides_and_invisible_characters_escaped()
    {
        var forum = await client.CreateForumWithCapacityExpectingCreatedAsync(null);

        var tag = await client.PostJsonAsync("/api/forums", new ForumBuilder().With("title", new JsonObject { ["e\u202en"] = "Forum" }).Build());
        var column = await client.ImportAsync(forum, "name,\u202eemail\u200b,\U000E0041hat\r\nA,a@example.kz,no\r\n");
        var route = await client.GetAsync($"/api/forums/{forum}/delegates/%E2%80%AEx%E2%81%A6");
        var nowhere = await client.GetAsync("/api/%E2%80%AEnowhere%F3%A0%81%81");

        var tagProblem = await tag.ShouldBeInvalidAsync("title");
        Assert.Contains("'e\\u202En' is not a well-formed BCP 47 language tag", (string)tagProblem["errors"]!["title"]![0]!);
        var columnProblem = await column.ShouldBeInvalidAsync("header");
        Assert.Contains("Unknown column '\\u202Eemail\\u200B'.", columnProblem["errors"]!["header"]!.AsArray().Select(m => (string)m!));
        Assert.Contains("Unknown column '\\U000E0041hat'.", columnProblem["errors"]!["header"]!.AsArray().Select(m => (string)m!));
        var routeProblem = await route.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        foreach (var problem in new[] { tagProblem, columnProblem, routeProblem })
            Assert.Empty(Unsafe(problem));
        Assert.Contains("\\u202E", (string)routeProblem["instance"]!);
        var nowhereProblem = await nowhere.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("/api/\\u202Enowhere\\U000E0041", (string)nowhereProblem["instance"]!);
    }

    [Fact]
    public async Task A_conflicts_detail_shows_the_invisible_characters_of_a_title_escaped()
    {
        var forum = await client.CreateScheduledForumExpectingCreatedAsync();
        await client.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A")
            .With("title", new JsonObject { ["en"] = "Opening\u200f\u2060" }));

        var clash = await client.PostJsonAsync($"/api/forums/{forum}/sessions",
            new SessionBuilder().At("2027-05-20T10:30:00+05:00", "2027-05-20T11:30:00+05:00", "Hall A").Build());

        var problem = await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("the session 'Opening\\u200F\\u2060'", (string)problem["detail"]!);
        Assert.Empty(Unsafe(problem));
    }

    [Fact]
    public void A_400_is_never_made_without_the_field_it_is_about() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Forums.Api.Http.Problems.Result(400, "Something is wrong."));

    [Theory]
    [InlineData(0x202E, "\\u202E")]
    [InlineData(0x0000, "\\u0000")]
    [InlineData(0x009B, "\\u009B")]
    [InlineData(0x2028, "\\u2028")]
    [InlineData(0xD800, "\\uD800")]
    [InlineData(0xDC00, "\\uDC00")]
    [InlineData(0xE0041, "\\U000E0041")]
    [InlineData(0xFEFF, "\\uFEFF")]
    [InlineData(0x1D173, "\\U0001D173")]
    public void Every_error_document_escapes_what_would_mislead_its_reader(int codePoint, string shown)
    {
        var text = codePoint > char.MaxValue ? char.ConvertFromUtf32(codePoint) : ((char)codePoint).ToString();

        var capped = Problems.Capped([new("k" + text, ["m" + text + "."])]);

        Assert.Equal(["m" + shown + "."], capped["k" + shown]);
    }

    [Fact]
    public void Letters_marks_and_emoji_of_any_script_are_shown_as_they_are()
    {
        const string text = "Caf\u00e9 \u0646\u0627\u0645 \U0001F469\U0001F4BB e\u0301";

        Assert.Equal([text], Problems.Capped([new(text, [text])])[text]);
    }

    [Fact]
    public void An_escaped_message_is_still_cut_to_its_length_and_never_in_the_middle_of_an_escape_or_a_pair()
    {
        var capped = Problems.Capped([new("k", [new string('\u202e', 1_000)]), new("e", [new string('a', 498) + "\ud83d\ude00b"])]);

        Assert.InRange(capped["k"][0].Length, Problems.MaxMessageLength - 6, Problems.MaxMessageLength);
        Assert.EndsWith("\\u202E…", capped["k"][0]);
        Assert.Equal(new string('a', 498) + "…", capped["e"][0]);
    }

    private static IEnumerable<string> Unsafe(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Unsafe(JsonValue.Create(p.Key)).Concat(Unsafe(p.Value))),
        JsonArray a => a.SelectMany(Unsafe),
        JsonValue v when v.TryGetValue<string>(out var s) && s.Any(c => char.IsControl(c)
            || c is '\udb40' or >= '\u200b' and <= '\u200f' or >= '\u202a' and <= '\u202e' or >= '\u2060' and <= '\u206f' or '\ufeff') => [s],
        _ => [],
    };
}
