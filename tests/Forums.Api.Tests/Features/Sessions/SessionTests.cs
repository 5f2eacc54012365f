using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Sessions;

public sealed class SessionTests(SeededForumsApiFactory api) : IClassFixture<SeededForumsApiFactory>
{
    private const string SeedForum = "019ac7e1-5f00-7000-8000-000000000001";
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task Paging_walks_every_session_once_in_programme_order_then_id()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        int[] orders = [5, 3, 3, 100_000, 0, 10, 9, 3, 42, 1, 2, 99_999];
        var created = new List<(int Order, string Id)>();
        foreach (var order in orders)
            created.Add((order, (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", order)))["id"]!));

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/forums/{forum}/sessions?limit=5" + (cursor is null ? "" : $"&cursor={cursor}")))
                .ShouldBeAsync(HttpStatusCode.OK);
            seen.AddRange(page["items"]!.AsArray().Select(s => (string)s!["id"]!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        Assert.Equal(created.OrderBy(s => s.Order).ThenBy(s => Guid.Parse(s.Id).ToString("N"), StringComparer.Ordinal).Select(s => s.Id), seen);
    }

    [Theory]
    [InlineData("00000a\u001f0000000000007000800000000000000f")]
    [InlineData("000007\u001f0000000000007000800000000000000z")]
    [InlineData("Nuralkhan\u001f00000000000070008000000000000001")]
    public async Task A_cursor_the_sessions_never_gave_out_is_refused(string key)
    {
        var cursor = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        await (await admin.GetAsync($"/api/forums/{SeedForum}/sessions?cursor={cursor}")).ShouldBeInvalidAsync("cursor");
    }

    [Fact]
    public async Task Times_are_shown_in_the_forums_zone_with_the_offset_it_has_then()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();

        var session = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T04:00:00Z", "2027-05-20T05:30:00Z", "Hall A"));

        Assert.Equal("2027-05-20T09:00:00+05:00", (string)session["startsAt"]!);
        Assert.Equal("2027-05-20T10:30:00+05:00", (string)session["endsAt"]!);
    }

    [Fact]
    public async Task A_zone_with_daylight_saving_shows_each_season_with_its_own_offset()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("timeZone", "Europe/Berlin")
            .With("startDate", "2027-03-27").With("endDate", "2027-03-28")))["id"]!;

        var winter = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-03-27T09:00:00Z", "2027-03-27T10:00:00Z"));
        var summer = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-03-28T09:00:00Z", "2027-03-28T10:00:00Z"));

        Assert.Equal("2027-03-27T10:00:00+01:00", (string)winter["startsAt"]!);
        Assert.Equal("2027-03-28T11:00:00+02:00", (string)summer["startsAt"]!);
    }

    [Theory]
    [InlineData("2027-05-19T10:00:00+05:00", "2027-05-19T11:00:00+05:00")]
    [InlineData("2027-05-21T23:30:00+05:00", "2027-05-22T00:30:00+05:00")]
    public async Task A_slot_outside_the_forums_dates_is_refused(string startsAt, string endsAt)
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();

        await (await admin.PostJsonAsync($"/api/forums/{forum}/sessions", new SessionBuilder().At(startsAt, endsAt).Build()))
            .ShouldBeInvalidAsync("startsAt");
    }

    [Fact]
    public async Task A_slot_needs_both_ends_the_end_after_the_start()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();

        await (await admin.PostJsonAsync($"/api/forums/{forum}/sessions", new SessionBuilder().With("startsAt", "2027-05-20T10:00:00+05:00").Build()))
            .ShouldBeInvalidAsync("endsAt");
        await (await admin.PostJsonAsync($"/api/forums/{forum}/sessions", new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T10:00:00+05:00").Build()))
            .ShouldBeInvalidAsync("endsAt");
        await (await admin.PostJsonAsync($"/api/forums/{forum}/sessions", new SessionBuilder().With("kind", "party").Build()))
            .ShouldBeInvalidAsync("kind");
        await (await admin.PostJsonAsync($"/api/forums/{forum}/sessions", new JsonObject { ["order"] = 1 }))
            .ShouldBeInvalidAsync("title", "kind");
    }

    [Fact]
    public async Task A_session_created_without_an_order_goes_last_and_one_replaced_without_it_keeps_its_place()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var first = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", null));
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", 7));

        var last = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().Without("order"));
        var replaced = await (await admin.PutJsonAsync($"/api/forums/{forum}/sessions/{last["id"]}", new SessionBuilder().Without("order").Build()))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(0, (int)first["order"]!);
        Assert.Equal(8, (int)last["order"]!);
        Assert.Equal(8, (int)replaced["order"]!);
    }

    [Fact]
    public async Task Changing_the_forums_dates_or_zone_never_leaves_a_session_outside_them()
    {
        var forumBody = new ForumBuilder().With("startDate", "2027-05-20").With("endDate", "2027-05-21");
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync(forumBody))["id"]!;
        var late = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-21T20:00:00+05:00", "2027-05-21T21:00:00+05:00")))["id"]!;

        var narrowed = await (await admin.PutJsonAsync($"/api/forums/{forum}", forumBody.With("endDate", "2027-05-20").Build()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(late, (string)narrowed["detail"]!);
        // 20:00 in Almaty is 00:00 the next day in Seoul: outside the forum's last day.
        var rezoned = await (await admin.PutJsonAsync($"/api/forums/{forum}", forumBody.With("endDate", "2027-05-21").With("timeZone", "Asia/Seoul").Build()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(late, (string)rezoned["detail"]!);

        var widened = await (await admin.PutJsonAsync($"/api/forums/{forum}", forumBody.With("endDate", "2027-05-22").Build())).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("Asia/Seoul", (string)widened["timeZone"]!);
        var session = await (await admin.GetAsync($"/api/forums/{forum}/sessions/{late}")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("2027-05-22T00:00:00+09:00", (string)session["startsAt"]!);
    }

    [Fact]
    public async Task Sessions_filter_by_day_room_kind_speaker_and_language()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        var a = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", 1).With("kind", "plenary")
            .With("languages", new JsonArray("ko")).At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A")))["id"]!;
        var b = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", 2)
            .At("2027-05-21T00:30:00+05:00", "2027-05-21T01:00:00+05:00", "Hall B")))["id"]!;
        var c = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("order", 3)))["id"]!;
        await (await admin.AssignAsync(forum, b, speaker)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal([a], await Ids($"/api/forums/{forum}/sessions?day=2027-05-20"));
        Assert.Equal([b], await Ids($"/api/forums/{forum}/sessions?day=2027-05-21"));
        Assert.Equal([b], await Ids($"/api/forums/{forum}/sessions?room=Hall%20B"));
        Assert.Equal([a], await Ids($"/api/forums/{forum}/sessions?kind=plenary"));
        Assert.Equal([b], await Ids($"/api/forums/{forum}/sessions?speakerId={speaker}"));
        Assert.Equal([a], await Ids($"/api/forums/{forum}/sessions?language=KO"));
        Assert.Equal([a, b, c], await Ids($"/api/forums/{forum}/sessions?language=en"));
        Assert.Equal([a, b, c], await Ids($"/api/forums/{forum}/sessions"));
        await (await admin.GetAsync($"/api/forums/{forum}/sessions?day=20-05-2027")).ShouldBeInvalidAsync("day");
    }

    [Fact]
    public async Task Speakers_are_put_on_a_session_in_order_changed_and_removed()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var moderator = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        var panelist = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        var session = (string)(await admin.CreateSessionExpectingCreatedAsync(forum))["id"]!;

        await (await admin.AssignAsync(forum, session, panelist, "panelist", 2)).ShouldBeAsync(HttpStatusCode.OK);
        var assigned = await (await admin.AssignAsync(forum, session, moderator, "moderator", 1)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal([moderator, panelist], assigned["speakers"]!.AsArray().Select(s => (string)s!["speakerId"]!));
        Assert.Equal("moderator", (string)assigned["speakers"]![0]!["role"]!);

        var changed = await (await admin.AssignAsync(forum, session, moderator, "keynote", 3)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal([panelist, moderator], changed["speakers"]!.AsArray().Select(s => (string)s!["speakerId"]!));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/forums/{forum}/sessions/{session}/speakers/{panelist}")).StatusCode);
        await (await admin.DeleteAsync($"/api/forums/{forum}/sessions/{session}/speakers/{panelist}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.AssignAsync(forum, session, Guid.NewGuid().ToString())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PutJsonAsync($"/api/forums/{forum}/sessions/{session}/speakers/{panelist}", new JsonObject { ["role"] = "juggler", ["order"] = 1 }))
            .ShouldBeInvalidAsync("role");
        await (await admin.PutJsonAsync($"/api/forums/{forum}/sessions/{session}/speakers/{panelist}", new JsonObject { ["role"] = "panelist", ["order"] = 0 }))
            .ShouldBeInvalidAsync("order");
    }

    [Fact]
    public async Task A_speaker_assigned_without_role_or_order_speaks_last_and_a_change_without_them_keeps_them()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var (first, second) = ((string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!, (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!);
        var session = (string)(await admin.CreateSessionExpectingCreatedAsync(forum))["id"]!;
        var url = $"/api/forums/{forum}/sessions/{session}/speakers/";
        await (await admin.AssignAsync(forum, session, first, "moderator", 4)).ShouldBeAsync(HttpStatusCode.OK);

        var added = await (await admin.PutJsonAsync(url + second, new JsonObject())).ShouldBeAsync(HttpStatusCode.OK);
        var kept = await (await admin.PutJsonAsync(url + first, new JsonObject { ["order"] = 6 })).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(("speaker", 5), Assignment(added, second));
        Assert.Equal(("moderator", 6), Assignment(kept, first));
        Assert.Equal(("speaker", 5), Assignment(kept, second));
    }

    private static (string Role, int Order) Assignment(JsonObject session, string speakerId) =>
        session["speakers"]!.AsArray().Where(s => (string)s!["speakerId"]! == speakerId)
            .Select(s => ((string)s!["role"]!, (int)s["order"]!)).Single();

    [Fact]
    public async Task A_session_is_replaced_with_if_match_and_deleted()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var body = new SessionBuilder();
        var id = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, body))["id"]!;
        var read = await admin.GetAsync($"/api/forums/{forum}/sessions/{id}");

        var updated = await (await admin.PutJsonAsync($"/api/forums/{forum}/sessions/{id}", body.With("capacity", 80).Build(), ("If-Match", read.ETag())))
            .ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(80, (int)updated["capacity"]!);
        await (await admin.PutJsonAsync($"/api/forums/{forum}/sessions/{id}", body.Build(), ("If-Match", read.ETag())))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/forums/{forum}/sessions/{id}")).StatusCode);
        await (await admin.GetAsync($"/api/forums/{forum}/sessions/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_seeded_programme_has_the_three_items_in_the_articles_order_without_times()
    {
        var page = await (await api.CreateClient().GetAsync($"/api/forums/{SeedForum}/sessions")).ShouldBeAsync(HttpStatusCode.OK);
        var sessions = page["items"]!.AsArray().Select(s => s!.AsObject()).ToList();

        Assert.Equal(["presentation", "address", "address"], sessions.Select(s => (string)s["kind"]!));
        Assert.All(sessions, s => Assert.Null(s["startsAt"]));
        Assert.Single(sessions[1]["speakers"]!.AsArray());
        Assert.Equal(4, sessions[2]["speakers"]!.AsArray().Count);
        Assert.Empty(sessions[0]["speakers"]!.AsArray());
    }

    private async Task<List<string>> Ids(string url)
    {
        var page = await (await admin.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(s => (string)s!["id"]!).ToList();
    }
}
