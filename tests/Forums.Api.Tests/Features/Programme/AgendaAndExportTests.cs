using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Forums.Api.Features.Programme.ExportCalendar;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Programme;

public sealed class AgendaAndExportTests(SeededForumsApiFactory api) : IClassFixture<SeededForumsApiFactory>
{
    private const string SeedForum = "019ac7e1-5f00-7000-8000-000000000001";
    private readonly HttpClient admin = api.CreateAdminClient();

    private async Task<string> PublishedProgrammeAsync()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync(new ForumBuilder()
            .With("title", new JsonObject { ["en"] = "Forum; with, special\\characters", ["kk"] = "Форум" })
            .With("startDate", "2027-05-20").With("endDate", "2027-05-21")))["id"]!;
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum, new SpeakerBuilder("Нұралхан Көшеров").With("nameLatin", "Nuralkhan Kusherov")))["id"]!;
        var opening = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", 2).With("kind", "address")
            .With("title", new JsonObject { ["en"] = "Welcome address", ["kk"] = "Алғысөз" })
            .At("2027-05-20T10:00:00+05:00", "2027-05-20T10:30:00+05:00", "Congress hall")))["id"]!;
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", 1).With("kind", "presentation")
            .With("title", new JsonObject { ["en"] = "Investment opportunities" })
            .At("2027-05-20T09:00:00+05:00", "2027-05-20T10:00:00+05:00", "Congress hall"));
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", 3)
            .With("title", new JsonObject { ["en"] = "Day two" }).At("2027-05-21T11:00:00+05:00", "2027-05-21T12:00:00+05:00"));
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", 9).With("title", new JsonObject { ["en"] = "Not yet scheduled" }));
        await (await admin.AssignAsync(forum, opening, speaker)).ShouldBeAsync(HttpStatusCode.OK);
        await admin.PublishForumExpectingOkAsync(forum);
        return forum;
    }

    [Fact]
    public async Task The_agenda_groups_sessions_by_local_day_in_time_order_and_lists_unscheduled_ones_after()
    {
        var forum = await PublishedProgrammeAsync();

        var agenda = await (await api.CreateClient().GetAsync($"/api/forums/{forum}/agenda")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal("Asia/Almaty", (string)agenda["timeZone"]!);
        var days = agenda["days"]!.AsArray();
        Assert.Equal(["2027-05-20", "2027-05-21"], days.Select(d => (string)d!["date"]!));
        Assert.Equal(["Investment opportunities", "Welcome address"], days[0]!["sessions"]!.AsArray().Select(s => (string)s!["title"]!["en"]!));
        Assert.Equal("2027-05-20T09:00:00+05:00", (string)days[0]!["sessions"]![0]!["startsAt"]!);
        var speaker = days[0]!["sessions"]![1]!["speakers"]![0]!;
        Assert.Equal("Нұралхан Көшеров", (string)speaker["name"]!);
        Assert.Equal("speaker", (string)speaker["role"]!);
        Assert.Equal(["Not yet scheduled"], agenda["unscheduled"]!.AsArray().Select(s => (string)s!["title"]!["en"]!));
    }

    [Fact]
    public async Task The_seed_forums_agenda_lists_its_three_items_in_the_articles_order()
    {
        var agenda = await (await api.CreateClient().GetAsync($"/api/forums/{SeedForum}/agenda")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Empty(agenda["days"]!.AsArray());
        Assert.Equal(
            ["Presentation of the investment opportunities of Turkistan region", "Welcome address by the akim of Turkistan region, Nuralkhan Kusherov", "Addresses by members of the delegation"],
            agenda["unscheduled"]!.AsArray().Select(s => (string)s!["title"]!["en"]!));
    }

    [Theory]
    [InlineData("programme.ics", "central-asia-korea-ii-programme.ics")]
    [InlineData("delegates/export", "central-asia-korea-ii-delegates.csv")]
    public async Task A_download_is_named_after_the_forums_slug(string path, string fileName)
    {
        var response = await admin.GetAsync($"/api/forums/{SeedForum}/{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Theory]
    [InlineData("agenda")]
    [InlineData("programme.ics")]
    [InlineData("schedule.json")]
    public async Task Each_view_has_an_etag_that_answers_304_and_moves_when_the_programme_changes(string view)
    {
        var forum = await PublishedProgrammeAsync();
        var anonymous = api.CreateClient();
        var first = await anonymous.GetAsync($"/api/forums/{forum}/{view}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var again = new HttpRequestMessage(HttpMethod.Get, $"/api/forums/{forum}/{view}");
        again.Headers.TryAddWithoutValidation("If-None-Match", first.ETag());
        var notModified = await anonymous.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-21T15:00:00+05:00", "2027-05-21T16:00:00+05:00"));
        using var afterChange = new HttpRequestMessage(HttpMethod.Get, $"/api/forums/{forum}/{view}");
        afterChange.Headers.TryAddWithoutValidation("If-None-Match", first.ETag());
        var changed = await anonymous.SendAsync(afterChange);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(first.ETag(), changed.ETag());
    }

    [Fact]
    public async Task The_calendar_has_the_forums_vtimezone_stable_uids_and_local_times()
    {
        var forum = await PublishedProgrammeAsync();

        var response = await api.CreateClient().GetAsync($"/api/forums/{forum}/programme.ics?lang=en");
        var text = await response.Content.ReadAsStringAsync();
        var again = await (await api.CreateClient().GetAsync($"/api/forums/{forum}/programme.ics?lang=en")).Content.ReadAsStringAsync();

        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text);
        Assert.EndsWith("END:VCALENDAR\r\n", text);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Almaty\r\n", text);
        Assert.Contains("TZOFFSETTO:+0500", text);
        Assert.Contains("DTSTART;TZID=Asia/Almaty:20270520T090000", text);
        Assert.Contains("DTSTART;VALUE=DATE:20270520\r\nDTEND;VALUE=DATE:20270522", text);
        Assert.Contains(@"SUMMARY:Forum\; with\, special\\characters", text);
        Assert.Equal(4, CountOf(text, "BEGIN:VEVENT"));
        Assert.Equal(text, again);
        Assert.All(text.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public async Task The_calendar_of_the_seed_forum_has_no_events_but_is_a_valid_calendar()
    {
        var text = await (await api.CreateClient().GetAsync($"/api/forums/{SeedForum}/programme.ics")).Content.ReadAsStringAsync();

        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.DoesNotContain("BEGIN:VEVENT", text);
    }

    [Fact]
    public async Task The_c3voc_schedule_needs_the_forums_dates()
    {
        var problem = await (await api.CreateClient().GetAsync($"/api/forums/{SeedForum}/schedule.json")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("dates", (string)problem["detail"]!);
    }

    [Fact]
    public async Task The_c3voc_schedule_puts_each_session_in_its_day_and_room()
    {
        var forum = await PublishedProgrammeAsync();

        var document = await (await api.CreateClient().GetAsync($"/api/forums/{forum}/schedule.json?lang=en")).ShouldBeAsync(HttpStatusCode.OK);

        var conference = document["schedule"]!["conference"]!;
        Assert.Matches("^[a-z0-9_-][a-z0-9_]{3,}$", (string)conference["acronym"]!);
        Assert.Equal(2, (int)conference["daysCount"]!);
        Assert.Equal("Asia/Almaty", (string)conference["time_zone_name"]!);
        var day = conference["days"]![0]!;
        Assert.Equal("2027-05-20T00:00:00+05:00", (string)day["day_start"]!);
        var events = day["rooms"]!["Congress hall"]!.AsArray();
        Assert.Equal(["Investment opportunities", "Welcome address"], events.Select(e => (string)e!["title"]!));
        Assert.Equal("10:00", (string)events[1]!["start"]!);
        Assert.Equal("00:30", (string)events[1]!["duration"]!);
        Assert.Equal("Nuralkhan Kusherov", (string)events[1]!["persons"]![0]!["name"]!);
    }

    [Fact]
    public async Task A_drafts_programme_is_not_public()
    {
        var draft = await admin.CreateScheduledForumExpectingCreatedAsync();

        foreach (var view in new[] { "agenda", "programme.ics", "schedule.json", "sessions", "speakers" })
            await (await api.CreateClient().GetAsync($"/api/forums/{draft}/{view}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.GetAsync($"/api/forums/{draft}/agenda")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a;b,c\\d", @"a\;b\,c\\d")]
    [InlineData("line one\nline two", @"line one\nline two")]
    public void Text_values_are_escaped_as_rfc_5545_says(string text, string escaped) =>
        Assert.Equal(escaped, ICalendarWriter.Escape(text));

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_character()
    {
        var title = string.Concat(Enumerable.Repeat("Түркістан ", 20));

        var text = Encoding.UTF8.GetString(new ICalendarWriter().Text("SUMMARY", title).ToBytes());

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length > 3);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.Equal("SUMMARY:" + ICalendarWriter.Escape(title), string.Concat(lines.Select((l, i) => i == 0 ? l : l[1..])));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
