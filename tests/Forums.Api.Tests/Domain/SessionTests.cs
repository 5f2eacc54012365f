using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>A programme session: its slot rules, room names, order key and speakers; time slots overlapping.</summary>
public sealed class SessionTests
{
    private static readonly Guid Id = Guid.Parse("66666666-6666-6666-6666-666666666666");
    private static readonly Guid ForumId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly DateTime Created = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Start = new(2026, 6, 1, 4, 0, 0, DateTimeKind.Utc);

    private static SessionDetails Details(TimeSlot? slot = null, string? room = "  Hall\u00a0 A\uFE0F ", int order = 42) =>
        new(new Dictionary<string, string> { ["en"] = "Opening" },
            new Dictionary<string, string> { ["en"] = "Welcome addresses" },
            SessionKind.Ceremony, order, slot, room, ["en", "kk"], ["ru"], 300);

    [Fact]
    public void A_session_keeps_its_details_its_tidied_room_and_its_order_key()
    {
        var slot = new TimeSlot(Start, Start.AddHours(1));
        var session = Session.Create(Id, ForumId, Details(slot), Created);

        Assert.Equal(Id, session.Id);
        Assert.Equal(ForumId, session.ForumId);
        Assert.Equal("Opening", session.Title["en"]);
        Assert.Equal("Welcome addresses", session.Description!["en"]);
        Assert.Equal(SessionKind.Ceremony, session.Kind);
        Assert.Equal(42, session.Order);
        Assert.Equal(Start, session.StartsAt);
        Assert.Equal(Start.AddHours(1), session.EndsAt);
        Assert.Equal(slot, session.Slot);
        Assert.Equal("Hall A", session.Room);
        Assert.Equal("hall a", session.RoomKey);
        Assert.Equal(["en", "kk"], session.Languages);
        Assert.Equal(["ru"], session.InterpretationLanguages);
        Assert.Equal(300, session.Capacity);
        Assert.Equal(Created, session.CreatedAt);
        Assert.Equal(Created, session.UpdatedAt);
        Assert.Equal(SortKeys.ForOrder(42, Id), session.SortKey);
    }

    [Fact]
    public void A_session_without_a_slot_or_room_has_none()
    {
        var session = Session.Create(Id, ForumId, Details(slot: null, room: " \u200B "), Created);
        Assert.Null(session.Slot);
        Assert.Null(session.StartsAt);
        Assert.Null(session.EndsAt);
        Assert.Null(session.Room);
        Assert.Null(session.RoomKey);
    }

    [Fact]
    public void Update_replaces_the_details_and_touch_only_the_update_time()
    {
        var session = Session.Create(Id, ForumId, Details(new TimeSlot(Start, Start.AddHours(1))), Created);
        session.Update(Details(slot: null, room: "Ｈall B", order: 7), Later);
        Assert.Null(session.Slot);
        Assert.Equal("Ｈall B", session.Room);
        Assert.Equal("hall b", session.RoomKey);
        Assert.Equal(SortKeys.ForOrder(7, Id), session.SortKey);
        Assert.Equal(Created, session.CreatedAt);
        Assert.Equal(Later, session.UpdatedAt);

        session.Touch(Later.AddHours(1));
        Assert.Equal(Later.AddHours(1), session.UpdatedAt);
        Assert.Equal(7, session.Order);
    }

    [Fact]
    public void A_slot_ends_after_it_starts()
    {
        var same = Assert.Throws<RuleViolationException>(() => Session.Create(Id, ForumId, Details(new TimeSlot(Start, Start)), Created));
        Assert.Equal("A session ends after it starts.", same.Message);
        Assert.Equal(BrokenRule.Invariant, same.Rule);
        Assert.Throws<RuleViolationException>(() => Session.Create(Id, ForumId, Details(new TimeSlot(Start, Start.AddTicks(-1))), Created));
        Session.Create(Id, ForumId, Details(new TimeSlot(Start, Start.AddTicks(1))), Created);
    }

    [Fact]
    public void A_slot_lies_in_the_date_window_at_both_ends()
    {
        var first = new DateTime(1999, 12, 31, 10, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2101, 1, 1, 14, 0, 0, DateTimeKind.Utc);
        var early = Assert.Throws<RuleViolationException>(() => Session.Create(Id, ForumId, Details(new TimeSlot(first.AddTicks(-1), Start)), Created));
        Assert.Equal("A session's slot lies in the years 2000 to 2100.", early.Message);
        var late = Assert.Throws<RuleViolationException>(() => Session.Create(Id, ForumId, Details(new TimeSlot(Start, end)), Created));
        Assert.Equal("A session's slot lies in the years 2000 to 2100.", late.Message);
        Session.Create(Id, ForumId, Details(new TimeSlot(first, end.AddTicks(-1))), Created);
    }

    [Fact]
    public void Slots_overlap_when_each_starts_before_the_other_ends_and_touching_is_no_overlap()
    {
        var nine = new TimeSlot(Start, Start.AddHours(1));
        Assert.True(nine.Overlaps(nine));
        Assert.True(nine.Overlaps(new TimeSlot(Start.AddMinutes(30), Start.AddHours(2))));
        Assert.True(new TimeSlot(Start.AddMinutes(30), Start.AddHours(2)).Overlaps(nine));
        Assert.True(nine.Overlaps(new TimeSlot(Start.AddMinutes(10), Start.AddMinutes(20))));
        Assert.False(nine.Overlaps(new TimeSlot(Start.AddHours(1), Start.AddHours(2))));
        Assert.False(new TimeSlot(Start.AddHours(1), Start.AddHours(2)).Overlaps(nine));
        Assert.False(nine.Overlaps(new TimeSlot(Start.AddHours(3), Start.AddHours(4))));
    }

    [Fact]
    public void A_speaker_is_assigned_to_a_session_with_a_role_and_a_place_that_can_change()
    {
        var speakerId = Guid.Parse("77777777-7777-7777-7777-777777777777");
        var assigned = SessionSpeaker.Assign(Id, speakerId, SpeakerRole.Moderator, 2);
        Assert.Equal(Id, assigned.SessionId);
        Assert.Equal(speakerId, assigned.SpeakerId);
        Assert.Equal(SpeakerRole.Moderator, assigned.Role);
        Assert.Equal(2, assigned.Order);

        assigned.Change(SpeakerRole.Keynote, 1);
        Assert.Equal(SpeakerRole.Keynote, assigned.Role);
        Assert.Equal(1, assigned.Order);
    }
}
