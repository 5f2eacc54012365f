using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>
/// Every date and date-time a request carries: a date-time states its offset (RFC 3339 §5.6), else it would be read in
/// the host's zone; dates and date-times lie in the years 2000 to 2100. Each refusal is a 400 naming the field.
/// </summary>
public sealed class DateInputTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    private static JsonObject Token(string forumId, JsonNode? expiresAt) =>
        new() { ["name"] = "Desk", ["role"] = "organiser", ["forumIds"] = new JsonArray(forumId), ["expiresAt"] = expiresAt };

    [Theory]
    [InlineData("startsAt", "2027-05-20T10:00:00")]
    [InlineData("startsAt", "2027-05-20T10:00")]
    [InlineData("startsAt", "2027-05-20")]
    [InlineData("endsAt", "2027-05-20T11:00:00.000")]
    public async Task A_session_time_without_an_offset_is_400_asking_for_one(string field, string value)
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var session = new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00").With(field, value);

        var problem = await (await admin.PostJsonAsync($"/api/forums/{forum}/sessions", session.Build())).ShouldBeInvalidAsync(field);

        Assert.Contains("offset", (string)problem["errors"]![field]![0]!);
        Assert.Contains("RFC 3339", (string)problem["errors"]![field]![0]!);
    }

    [Fact]
    public async Task A_session_time_with_an_offset_round_trips_exactly_in_the_forums_zone()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();

        var created = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T06:30:00Z"));

        Assert.Equal("2027-05-20T10:00:00+05:00", (string)created["startsAt"]!);
        Assert.Equal("2027-05-20T11:30:00+05:00", (string)created["endsAt"]!);
        var read = await (await admin.GetAsync($"/api/forums/{forum}/sessions/{created["id"]}")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("2027-05-20T10:00:00+05:00", (string)read["startsAt"]!);
    }

    [Fact]
    public async Task A_token_expiry_without_an_offset_is_400_and_one_with_an_offset_is_kept_as_that_instant()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var local = api.Clock.GetUtcNow().AddDays(1).ToOffset(TimeSpan.FromHours(5));

        var problem = await (await admin.PostJsonAsync("/api/tokens", Token(forum, local.ToString("yyyy-MM-dd'T'HH:mm:ss"))))
            .ShouldBeInvalidAsync("expiresAt");
        Assert.Contains("offset", (string)problem["errors"]!["expiresAt"]![0]!);

        var created = await (await admin.PostJsonAsync("/api/tokens", Token(forum, local.ToString("yyyy-MM-dd'T'HH:mm:sszzz"))))
            .ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(local.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), (string)created["expiresAt"]!);
    }

    [Theory]
    [InlineData("startDate", "1999-12-31")]
    [InlineData("startDate", "0001-01-01")]
    [InlineData("endDate", "2101-01-01")]
    [InlineData("endDate", "9999-12-31")]
    [InlineData("startDate", "2027-5-20")]
    public async Task A_forum_date_outside_the_years_2000_to_2100_or_not_yyyy_mm_dd_is_400_naming_it(string field, string value)
    {
        var forum = new ForumBuilder().With("startDate", null).With("endDate", null).With(field, value);

        var problem = await (await admin.PostJsonAsync("/api/forums", forum.Build())).ShouldBeInvalidAsync(field);

        Assert.Matches("2000 to 2100|YYYY-MM-DD", (string)problem["errors"]![field]![0]!);
    }

    [Fact]
    public async Task Forum_dates_at_the_edges_of_the_window_are_accepted_on_create_and_refused_past_them_on_update()
    {
        var forum = new ForumBuilder().With("startDate", "2000-01-01").With("endDate", "2000-01-31");
        var id = (string)(await admin.CreateForumExpectingCreatedAsync(forum))["id"]!;
        await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("startDate", "2100-12-01").With("endDate", "2100-12-31"));

        var (_, etag) = await admin.GetForumExpectingOkAsync(id);
        await (await admin.PutJsonAsync($"/api/forums/{id}", forum.With("startDate", "1999-12-31").Build(), ("If-Match", etag)))
            .ShouldBeInvalidAsync("startDate");
    }

    [Theory]
    [InlineData("startsAt", "9999-12-31T20:00:00Z", "endsAt", "9999-12-31T21:00:00Z")]
    [InlineData("startsAt", "0001-01-01T00:00:00Z", "endsAt", "0001-01-01T01:00:00Z")]
    [InlineData("startsAt", "1999-12-31T23:00:00+00:00", "endsAt", "2000-01-01T01:00:00+00:00")]
    [InlineData("endsAt", "2101-01-01T00:30:00-12:00", "startsAt", "2100-12-31T23:00:00-12:00")]
    public async Task A_session_time_outside_the_years_2000_to_2100_is_400_naming_it(string field, string value, string other, string otherValue)
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("timeZone", "Pacific/Kiritimati")))["id"]!;
        var session = new SessionBuilder().With(field, value).With(other, otherValue);

        // The other end may lie outside the window too: every date-time refused is named in the one answer.
        var problem = await (await admin.PostJsonAsync($"/api/forums/{forum}/sessions", session.Build())).ShouldBeInvalidAmongAsync(field);

        Assert.Contains("2000 to 2100", (string)problem["errors"]![field]![0]!);
    }

    [Theory]
    [InlineData("2101-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59+00:00")]
    public async Task A_token_expiry_past_2100_is_400_naming_it(string expiresAt)
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;

        var problem = await (await admin.PostJsonAsync("/api/tokens", Token(forum, expiresAt))).ShouldBeInvalidAsync("expiresAt");

        Assert.Contains("2000 to 2100", (string)problem["errors"]!["expiresAt"]![0]!);
    }

    [Theory]
    [InlineData("1999-12-31", "2000 to 2100")]
    [InlineData("9999-12-31", "2000 to 2100")]
    [InlineData("05/20/2027", "YYYY-MM-DD")]
    [InlineData("20 May 2027", "YYYY-MM-DD")]
    public async Task A_day_filter_outside_the_window_or_not_yyyy_mm_dd_is_400_naming_it(string day, string message)
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();

        var problem = await (await admin.GetAsync($"/api/forums/{forum}/sessions?day={Uri.EscapeDataString(day)}")).ShouldBeInvalidAsync("day");

        Assert.Contains(message, (string)problem["errors"]!["day"]![0]!);
    }

    [Fact]
    public async Task A_day_filter_in_the_window_still_filters()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-21T10:00:00+05:00", "2027-05-21T11:00:00+05:00"));

        var page = await (await admin.GetAsync($"/api/forums/{forum}/sessions?day=2027-05-21")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Single(page["items"]!.AsArray());
    }
}
