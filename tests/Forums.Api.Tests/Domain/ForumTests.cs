using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>A forum's details, dates and capacity rules, its search text and its life: draft, published, archived.</summary>
public sealed class ForumTests
{
    private static readonly DateTime Created = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2026, 3, 2, 10, 30, 0, DateTimeKind.Utc);

    internal static ForumDetails Details(
        DateOnly? start = null, DateOnly? end = null, int? capacity = 500, string country = "kz",
        Dictionary<string, string>? title = null) =>
        new(
            "astana-forum-2026",
            title ?? new Dictionary<string, string> { ["en"] = "Astana  Forum", ["ru"] = "АСТАНИНСКИЙ форум" },
            new Dictionary<string, string> { ["en"] = "Green ENERGY" },
            new Dictionary<string, string> { ["en"] = "Not searched" },
            new Dictionary<string, string> { ["en"] = "Astana Series" },
            3,
            new Dictionary<string, string> { ["en"] = "Astana", ["kk"] = "Астана" },
            country,
            new Dictionary<string, string> { ["en"] = " Palace of Peace " },
            "Asia/Almaty",
            start ?? new DateOnly(2026, 6, 1),
            end ?? new DateOnly(2026, 6, 3),
            capacity,
            true,
            ["en", "kk"]);

    private static Forum NewForum(ForumDetails? details = null) => Forum.Create(Guid.Parse("11111111-1111-1111-1111-111111111111"), details ?? Details(), Created);

    [Fact]
    public void A_new_forum_is_a_draft_with_every_detail_it_was_given()
    {
        var forum = NewForum();

        Assert.Equal(Guid.Parse("11111111-1111-1111-1111-111111111111"), forum.Id);
        Assert.Equal(ForumStatus.Draft, forum.Status);
        Assert.Equal(Created, forum.CreatedAt);
        Assert.Equal(Created, forum.UpdatedAt);
        Assert.Null(forum.PublishedAt);
        Assert.Equal("astana-forum-2026", forum.Slug);
        Assert.Equal("Astana  Forum", forum.Title["en"]);
        Assert.Equal("Green ENERGY", forum.Theme!["en"]);
        Assert.Equal("Not searched", forum.Description!["en"]);
        Assert.Equal("Astana Series", forum.Series!["en"]);
        Assert.Equal(3, forum.Edition);
        Assert.Equal("Астана", forum.City["kk"]);
        Assert.Equal("KZ", forum.Country);
        Assert.Equal(" Palace of Peace ", forum.Venue!["en"]);
        Assert.Equal("Asia/Almaty", forum.TimeZone);
        Assert.Equal(new DateOnly(2026, 6, 1), forum.StartDate);
        Assert.Equal(new DateOnly(2026, 6, 3), forum.EndDate);
        Assert.Equal(500, forum.Capacity);
        Assert.True(forum.RequiresApproval);
        Assert.Equal(["en", "kk"], forum.Languages);
    }

    [Fact]
    public void The_search_text_is_every_searchable_field_folded_one_a_line()
    {
        var forum = NewForum();

        Assert.Equal(
            "astana-forum-2026\nastana  forum\nастанинский форум\ngreen energy\nastana series\nastana\nастана\npalace of peace",
            forum.SearchText);
    }

    [Fact]
    public void Update_replaces_the_details_and_the_update_time_but_not_the_status_or_creation()
    {
        var forum = NewForum();
        forum.Update(Details(capacity: null, country: "Uz") with { Theme = null, Venue = null, RequiresApproval = false }, Later);

        Assert.Equal(Created, forum.CreatedAt);
        Assert.Equal(Later, forum.UpdatedAt);
        Assert.Equal(ForumStatus.Draft, forum.Status);
        Assert.Null(forum.Theme);
        Assert.Null(forum.Venue);
        Assert.Null(forum.Capacity);
        Assert.False(forum.RequiresApproval);
        Assert.Equal("UZ", forum.Country);
        Assert.DoesNotContain("green", forum.SearchText);
    }

    [Fact]
    public void Dates_outside_the_years_2000_to_2100_are_refused()
    {
        var early = Assert.Throws<RuleViolationException>(() => NewForum(Details(start: new DateOnly(1999, 12, 31))));
        Assert.Equal("A forum's dates lie in the years 2000 to 2100.", early.Message);
        Assert.Equal(BrokenRule.Invariant, early.Rule);
        Assert.Throws<RuleViolationException>(() => NewForum(Details(start: new DateOnly(2100, 12, 31), end: new DateOnly(2101, 1, 1))));
        Assert.Throws<RuleViolationException>(() => NewForum(Details(start: new DateOnly(2000, 1, 1), end: new DateOnly(2101, 1, 1))));
        NewForum(Details(start: new DateOnly(2000, 1, 1), end: new DateOnly(2000, 1, 1)));
        NewForum(Details(start: new DateOnly(2100, 12, 31), end: new DateOnly(2100, 12, 31)));
    }

    [Fact]
    public void A_forum_ends_on_or_after_its_start_and_lasts_at_most_31_days()
    {
        var backwards = Assert.Throws<RuleViolationException>(() => NewForum(Details(start: new DateOnly(2026, 6, 2), end: new DateOnly(2026, 6, 1))));
        Assert.Equal("The forum cannot end before it starts.", backwards.Message);

        var oneDay = NewForum(Details(start: new DateOnly(2026, 6, 2), end: new DateOnly(2026, 6, 2)));
        Assert.Equal(oneDay.StartDate, oneDay.EndDate);
        NewForum(Details(start: new DateOnly(2026, 7, 1), end: new DateOnly(2026, 7, 31)));

        var tooLong = Assert.Throws<RuleViolationException>(() => NewForum(Details(start: new DateOnly(2026, 7, 1), end: new DateOnly(2026, 8, 1))));
        Assert.Equal("A forum lasts at most 31 days.", tooLong.Message);
        Assert.Equal(BrokenRule.Invariant, tooLong.Rule);
    }

    [Fact]
    public void Days_counts_both_ends()
    {
        Assert.Equal(1, Forum.Days(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 1)));
        Assert.Equal(31, Forum.Days(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31)));
    }

    [Fact]
    public void The_programme_span_reaches_31_days_from_the_one_date_set()
    {
        Assert.Equal((new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 3)), Forum.Span(new DateOnly(2026, 6, 1), new DateOnly(2026, 6, 3)));
        Assert.Equal((new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1)), Forum.Span(new DateOnly(2026, 6, 1), null));
        Assert.Equal((new DateOnly(2026, 5, 2), new DateOnly(2026, 6, 1)), Forum.Span(null, new DateOnly(2026, 6, 1)));
        Assert.Equal(((DateOnly?)null, (DateOnly?)null), Forum.Span(null, null));
    }

    [Fact]
    public void The_capacity_cannot_go_below_the_places_taken()
    {
        var forum = NewForum();
        typeof(Forum).GetProperty(nameof(Forum.PlacesTaken))!.SetValue(forum, 7);

        var refused = Assert.Throws<RuleViolationException>(() => forum.Update(Details(capacity: 6), Later));
        Assert.Equal("7 delegates already hold places; the capacity cannot be lower. Cancel registrations first.", refused.Message);
        Assert.Equal(BrokenRule.PlacesHeld, refused.Rule);
        Assert.Equal(7, refused.PlacesTaken);
        Assert.Equal(500, forum.Capacity);
        Assert.Equal(Created, forum.UpdatedAt);

        forum.Update(Details(capacity: 7), Later);
        Assert.Equal(7, forum.Capacity);
        forum.Update(Details(capacity: null), Later);
        Assert.Null(forum.Capacity);
    }

    [Fact]
    public void A_draft_is_published_once_and_then_archived()
    {
        var forum = NewForum();
        forum.Publish(Later);
        Assert.Equal(ForumStatus.Published, forum.Status);
        Assert.Equal(Later, forum.PublishedAt);
        Assert.Equal(Later, forum.UpdatedAt);

        var again = Assert.Throws<RuleViolationException>(() => forum.Publish(Later.AddHours(1)));
        Assert.Equal("Only a draft forum can be published; this forum is published.", again.Message);
        Assert.Equal(BrokenRule.StatusNotAllowed, again.Rule);
        Assert.Equal("published", again.CurrentStatus);
        Assert.Equal(["draft"], again.AllowedValues!);
        Assert.Equal(Later, forum.PublishedAt);

        var archivedAt = Later.AddDays(10);
        forum.Archive(archivedAt);
        Assert.Equal(ForumStatus.Archived, forum.Status);
        Assert.Equal(archivedAt, forum.UpdatedAt);
        Assert.Equal(Later, forum.PublishedAt);
    }

    [Fact]
    public void An_archived_forum_is_never_published_or_archived_again()
    {
        var forum = NewForum();
        forum.Archive(Later);

        var publish = Assert.Throws<RuleViolationException>(() => forum.Publish(Later.AddHours(1)));
        Assert.Equal("The forum is archived: it is never published again (create a new edition instead).", publish.Message);
        Assert.Equal(BrokenRule.ForumArchived, publish.Rule);
        Assert.Equal("archived", publish.CurrentStatus);
        Assert.Null(publish.AllowedValues);
        Assert.Null(forum.PublishedAt);

        var archive = Assert.Throws<RuleViolationException>(() => forum.Archive(Later.AddHours(1)));
        Assert.Equal("The forum is already archived.", archive.Message);
        Assert.Equal(BrokenRule.ForumArchived, archive.Rule);
        Assert.Equal("archived", archive.CurrentStatus);
        Assert.Equal(Later, forum.UpdatedAt);
    }

    [Fact]
    public void Only_a_published_forum_cannot_be_deleted()
    {
        var forum = NewForum();
        forum.EnsureCanBeDeleted();
        forum.Publish(Later);

        var refused = Assert.Throws<RuleViolationException>(forum.EnsureCanBeDeleted);
        Assert.Equal("A published forum cannot be deleted; archive it instead.", refused.Message);
        Assert.Equal(BrokenRule.StatusNotAllowed, refused.Rule);
        Assert.Equal("published", refused.CurrentStatus);
        Assert.Equal(["draft", "archived"], refused.AllowedValues!);

        forum.Archive(Later.AddDays(1));
        forum.EnsureCanBeDeleted();
    }

    [Theory]
    [InlineData(ForumStatus.Draft, false, false)]
    [InlineData(ForumStatus.Draft, true, false)]
    [InlineData(ForumStatus.Published, true, true)]
    [InlineData(ForumStatus.Published, false, true)]
    [InlineData(ForumStatus.Archived, true, true)]
    [InlineData(ForumStatus.Archived, false, false)]
    public void A_forum_is_public_once_published_and_still_when_archived_after_that(ForumStatus status, bool wasPublished, bool isPublic) =>
        Assert.Equal(isPublic, Forum.IsPublic(status, wasPublished ? Later : null));

    [Fact]
    public void The_public_query_takes_the_public_forums_and_those_the_caller_organises()
    {
        var draft = Forum.Create(Guid.NewGuid(), Details(), Created);
        var organisedDraft = Forum.Create(Guid.NewGuid(), Details(), Created);
        var published = Forum.Create(Guid.NewGuid(), Details(), Created);
        published.Publish(Later);
        var archivedAfterPublishing = Forum.Create(Guid.NewGuid(), Details(), Created);
        archivedAfterPublishing.Publish(Later);
        archivedAfterPublishing.Archive(Later);
        var archivedDraft = Forum.Create(Guid.NewGuid(), Details(), Created);
        archivedDraft.Archive(Later);
        Forum[] all = [draft, organisedDraft, published, archivedAfterPublishing, archivedDraft];

        var everyone = Forum.PublicOr([]).Compile();
        Assert.Equal([published, archivedAfterPublishing], all.Where(everyone));
        foreach (var forum in all)
            Assert.Equal(Forum.IsPublic(forum.Status, forum.PublishedAt), everyone(forum));

        var organiser = Forum.PublicOr([organisedDraft.Id, archivedDraft.Id]).Compile();
        Assert.Equal([organisedDraft, published, archivedAfterPublishing, archivedDraft], all.Where(organiser));
    }
}
