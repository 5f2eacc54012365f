using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Programme;

/// <summary>
/// The edges of the date window in the zones furthest from UTC (Pacific/Kiritimati +14, Etc/GMT+12 −12): every view of
/// the programme answers, whatever the zone does to the stored times.
/// </summary>
public sealed class CalendarEdgeTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    private async Task<string> ForumAsync(string zone, string? start, string? end)
    {
        var forum = new ForumBuilder().With("timeZone", zone).With("startDate", start).With("endDate", end);
        return (string)(await admin.CreateForumExpectingCreatedAsync(forum))["id"]!;
    }

    private async Task ViewsAnswerAsync(string forum, bool hasDates)
    {
        var anonymous = api.CreateClient();
        await (await anonymous.GetAsync($"/api/forums/{forum}/agenda")).ShouldBeAsync(HttpStatusCode.OK);
        var calendar = await anonymous.GetAsync($"/api/forums/{forum}/programme.ics");
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Contains("END:VCALENDAR", await calendar.Content.ReadAsStringAsync());
        var schedule = await anonymous.GetAsync($"/api/forums/{forum}/schedule.json");
        if (hasDates)
            await schedule.ShouldBeAsync(HttpStatusCode.OK);
        else
            await schedule.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("Pacific/Kiritimati", "2100-12-01", "2100-12-31", "2100-12-31T23:00:00+14:00", "2100-12-31T23:59:59+14:00")]
    [InlineData("Pacific/Kiritimati", "2000-01-01", "2000-01-31", "2000-01-01T00:00:00+14:00", "2000-01-01T01:00:00+14:00")]
    [InlineData("Etc/GMT+12", "2100-12-01", "2100-12-31", "2100-12-31T23:00:00-12:00", "2100-12-31T23:59:59-12:00")]
    [InlineData("Etc/GMT+12", "2000-01-01", "2000-01-31", "2000-01-01T00:00:00-12:00", "2000-01-01T01:00:00-12:00")]
    [InlineData("UTC", "2100-12-31", "2100-12-31", "2100-12-31T20:00:00Z", "2100-12-31T23:59:59Z")]
    [InlineData("UTC", "2000-01-01", "2000-01-01", "2000-01-01T00:00:00Z", "2000-01-01T01:00:00Z")]
    public async Task Sessions_at_the_ends_of_the_window_show_in_every_view(string zone, string start, string end, string startsAt, string endsAt)
    {
        var forum = await ForumAsync(zone, start, end);
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At(startsAt, endsAt, "Hall A"));
        await admin.PublishForumExpectingOkAsync(forum);

        await ViewsAnswerAsync(forum, hasDates: true);
        var agenda = await (await api.CreateClient().GetAsync($"/api/forums/{forum}/agenda")).ShouldBeAsync(HttpStatusCode.OK);
        var shown = DateTimeOffset.Parse((string)agenda["days"]![0]!["sessions"]![0]!["startsAt"]!);
        Assert.Equal(DateTimeOffset.Parse(startsAt), shown);
    }

    [Theory]
    [InlineData("Etc/GMT+12", "Pacific/Kiritimati", "2100-12-31T23:00:00-12:00", "2100-12-31T23:59:59-12:00")]
    [InlineData("Pacific/Kiritimati", "Etc/GMT+12", "2000-01-01T00:00:00+14:00", "2000-01-01T01:00:00+14:00")]
    public async Task Moving_a_forum_without_dates_to_the_zone_furthest_away_keeps_every_view_answering(string zone, string newZone, string startsAt, string endsAt)
    {
        var forum = new ForumBuilder().With("timeZone", zone);
        var id = (string)(await admin.CreateForumExpectingCreatedAsync(forum))["id"]!;
        await admin.CreateSessionExpectingCreatedAsync(id, new SessionBuilder().At(startsAt, endsAt));
        await admin.PublishForumExpectingOkAsync(id);
        var (_, etag) = await admin.GetForumExpectingOkAsync(id);

        await (await admin.PutJsonAsync($"/api/forums/{id}", forum.With("timeZone", newZone).Build(), ("If-Match", etag))).ShouldBeAsync(HttpStatusCode.OK);

        await ViewsAnswerAsync(id, hasDates: false);
        var session = (await (await admin.GetAsync($"/api/forums/{id}/sessions")).ShouldBeAsync(HttpStatusCode.OK))["items"]![0]!;
        Assert.Equal(DateTimeOffset.Parse(startsAt), DateTimeOffset.Parse((string)session["startsAt"]!));
    }
}
