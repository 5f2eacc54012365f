using System.Net;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Features.Sessions;

public sealed class RoomTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    public static TheoryData<string> SpellingsOfHallA =>
    [
        "hall a", "HALL A", "Hall  A", "Hall\u00a0A", " Hall A ", "Hal\u200bl A", "Hall\u2003A", "Hall\u3000A", "\ufeffHall A",
        "Hall\u202fA", "\uff28\uff41\uff4c\uff4c \uff21", "Hall A\ufe0f", "Hall \u180bA", "Hall A\U0001D173", "Hall A\U000E0100",
        "Hall\u3164A", "Hall \uffa0A", "Hall\u2800A", "Hall A\u115f", "Hall\u034f A",
    ];

    [Theory]
    [MemberData(nameof(SpellingsOfHallA))]
    public async Task Another_spelling_of_a_taken_room_is_409_naming_the_session_that_has_it(string spelling)
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var first = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A"));

        var clash = await admin.PostJsonAsync($"/api/forums/{forum}/sessions",
            new SessionBuilder().At("2027-05-20T10:30:00+05:00", "2027-05-20T11:30:00+05:00", spelling).Build());

        var problem = await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"/api/forums/{forum}/sessions/{first["id"]}", (string)problem["existing"]!);
    }

    [Theory]
    [MemberData(nameof(SpellingsOfHallA))]
    public async Task Moving_a_session_into_another_spelling_of_a_taken_room_is_409(string spelling)
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", spelling));
        var body = new SessionBuilder().At("2027-05-20T10:30:00+05:00", "2027-05-20T11:30:00+05:00", "Hall B");
        var second = await admin.CreateSessionExpectingCreatedAsync(forum, body);

        var moved = await admin.PutJsonAsync($"/api/forums/{forum}/sessions/{second["id"]}", body.With("room", "Hall A").Build());

        await moved.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_room_is_stored_as_written_with_its_spaces_tidied()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();

        var session = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("room", "  Hall\u00a0\u00a0A \u200b(east)\u3000"));

        Assert.Equal("Hall A (east)", (string)session["room"]!);
    }

    [Fact]
    public async Task The_room_filter_finds_every_spelling_of_the_room()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var ids = new List<string>();
        var order = 0;
        foreach (var spelling in new[] { "Hall A", "hall a", "Hall  A", "Hall\u00a0A" })
            ids.Add((string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("room", spelling).With("order", order++)))["id"]!);
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("room", "Hall B").With("order", order));

        foreach (var filter in new[] { "Hall A", "HALL A", "hall\u00a0a", " hall  a " })
        {
            var page = await (await admin.GetAsync($"/api/forums/{forum}/sessions?room={Uri.EscapeDataString(filter)}")).ShouldBeAsync(HttpStatusCode.OK);
            Assert.Equal(ids, page["items"]!.AsArray().Select(s => (string)s!["id"]!));
        }
    }

    [Fact]
    public async Task The_schedule_export_lists_one_room_however_its_sessions_spell_it()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        await admin.PostAsync($"/api/forums/{forum}/publish", null);
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A").With("order", 1));
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T12:00:00+05:00", "2027-05-20T13:00:00+05:00", "hall  a").With("order", 2));

        var schedule = await (await admin.GetAsync($"/api/forums/{forum}/schedule.json")).ShouldBeAsync(HttpStatusCode.OK);

        var conference = schedule["schedule"]!["conference"]!;
        Assert.Equal(["Hall A"], conference["rooms"]!.AsArray().Select(r => (string)r!["name"]!));
        var events = conference["days"]!.AsArray().SelectMany(d => d!["rooms"]!.AsObject()).ToList();
        Assert.Equal("Hall A", Assert.Single(events).Key);
        Assert.Equal(2, events[0].Value!.AsArray().Count);
    }

    [Theory]
    [InlineData("Hall\tA")]
    [InlineData("Hall\nA")]
    [InlineData("Hall\u202eA")]
    public async Task A_room_with_a_control_character_is_400_naming_room(string room)
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/sessions", new SessionBuilder().With("room", room).Build());

        await response.ShouldBeInvalidAsync("room");
    }

    [Fact]
    public async Task Rooms_stored_before_the_key_existed_get_their_key_at_start_up()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        string forum, old;
        using (var first = new ForumsApiFactory(folder, seed: false))
        {
            var client = first.CreateAdminClient();
            forum = await client.CreateScheduledForumExpectingCreatedAsync();
            old = (string)(await client.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A")))["id"]!;
            // What the migration's SQL leaves for a room stored untidy before: the room lower-cased, nothing more.
            await first.WithDbAsync(db => db.Sessions.Where(s => s.Id == Guid.Parse(old))
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Room, "Hall\u00a0\u00a0A").SetProperty(s => s.RoomKey, "hall\u00a0\u00a0a")));
        }

        try
        {
            using var restarted = new ForumsApiFactory(folder, seed: false);
            var clash = await restarted.CreateAdminClient().PostJsonAsync($"/api/forums/{forum}/sessions",
                new SessionBuilder().At("2027-05-20T10:30:00+05:00", "2027-05-20T11:30:00+05:00", "hall a").Build());

            var problem = await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal($"/api/forums/{forum}/sessions/{old}", (string)problem["existing"]!);
        }
        finally
        {
            ForumsApiFactory.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task A_room_of_only_spaces_is_no_room()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();

        var session = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("room", "\u00a0\u3000 "));

        Assert.Null(session["room"]);
    }
}
