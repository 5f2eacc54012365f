using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Sessions;

public sealed class ConflictTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task A_room_in_two_overlapping_sessions_is_409_naming_the_other_session()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var first = await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A"));

        var clash = await admin.PostJsonAsync($"/api/forums/{forum}/sessions",
            new SessionBuilder().At("2027-05-20T10:30:00+05:00", "2027-05-20T11:30:00+05:00", "Hall A").Build());

        var problem = await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains((string)first["id"]!, (string)problem["detail"]!);
        Assert.Equal($"/api/forums/{forum}/sessions/{first["id"]}", (string)problem["existing"]!);
    }

    [Fact]
    public async Task Touching_slots_and_other_rooms_do_not_conflict()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A"));

        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T11:00:00+05:00", "2027-05-20T12:00:00+05:00", "Hall A"));
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T09:00:00+05:00", "2027-05-20T10:00:00+05:00", "Hall A"));
        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:15:00+05:00", "2027-05-20T10:45:00+05:00", "Hall B"));
        // The same instant written with another offset is the same instant.
        var clash = await admin.PostJsonAsync($"/api/forums/{forum}/sessions",
            new SessionBuilder().At("2027-05-20T05:30:00Z", "2027-05-20T05:45:00Z", "Hall A").Build());
        await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Sessions_without_a_slot_never_conflict()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        var timed = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A")))["id"]!;
        var untimed = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("room", "Hall A")))["id"]!;
        var alsoUntimed = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().With("room", "Hall A")))["id"]!;

        foreach (var session in new[] { timed, untimed, alsoUntimed })
            await (await admin.AssignAsync(forum, session, speaker)).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_speaker_in_two_overlapping_sessions_is_409_naming_the_other_session()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        var first = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A")))["id"]!;
        var second = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:30:00+05:00", "2027-05-20T11:30:00+05:00", "Hall B")))["id"]!;
        await (await admin.AssignAsync(forum, first, speaker)).ShouldBeAsync(HttpStatusCode.OK);

        var problem = await (await admin.AssignAsync(forum, second, speaker)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains(first, (string)problem["detail"]!);
        var read = await (await admin.GetAsync($"/api/forums/{forum}/sessions/{second}")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty(read["speakers"]!.AsArray());
    }

    [Fact]
    public async Task Moving_a_session_onto_its_speakers_other_session_is_409_and_changes_nothing()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        var morning = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A")))["id"]!;
        var afternoonBody = new SessionBuilder().At("2027-05-20T15:00:00+05:00", "2027-05-20T16:00:00+05:00", "Hall B");
        var afternoon = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, afternoonBody))["id"]!;
        await (await admin.AssignAsync(forum, morning, speaker)).ShouldBeAsync(HttpStatusCode.OK);
        await (await admin.AssignAsync(forum, afternoon, speaker)).ShouldBeAsync(HttpStatusCode.OK);

        var moved = await admin.PutJsonAsync($"/api/forums/{forum}/sessions/{afternoon}",
            afternoonBody.At("2027-05-20T10:30:00+05:00", "2027-05-20T11:30:00+05:00").Build());

        await moved.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var read = await (await admin.GetAsync($"/api/forums/{forum}/sessions/{afternoon}")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("2027-05-20T15:00:00+05:00", (string)read["startsAt"]!);
    }

    [Fact]
    public async Task Parallel_bookings_of_one_room_leave_no_overlap()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => admin.PostJsonAsync($"/api/forums/{forum}/sessions",
            new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A").Build())));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }
}
