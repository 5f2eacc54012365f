using System.Text.RegularExpressions;
using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>The small rules the entities share: the date window, forum time, place limits, accreditation codes, picking a language, search folding, edit distance, slugs.</summary>
public sealed class DomainHelperTests
{
    private static readonly TimeZoneInfo Seoul = ForumTime.Zone("Asia/Seoul");

    [Theory]
    [InlineData(1999, 12, 31, false)]
    [InlineData(2000, 1, 1, true)]
    [InlineData(2050, 6, 15, true)]
    [InlineData(2100, 12, 31, true)]
    [InlineData(2101, 1, 1, false)]
    public void The_date_window_is_the_years_2000_to_2100(int year, int month, int day, bool inside)
    {
        Assert.Equal(inside, DateWindow.Contains(new DateOnly(year, month, day)));
        Assert.Equal(inside, DateWindow.Contains(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_date_time_is_in_the_window_by_its_date_in_its_own_offset()
    {
        Assert.True(DateWindow.Contains(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(14))));
        Assert.False(DateWindow.Contains(new DateTimeOffset(1999, 12, 31, 23, 0, 0, TimeSpan.FromHours(-12))));
        Assert.True(DateWindow.Contains(new DateTimeOffset(2100, 12, 31, 23, 59, 0, TimeSpan.FromHours(-12))));
        Assert.Equal(new DateOnly(2000, 1, 1), DateWindow.FirstDay);
        Assert.Equal(new DateOnly(2100, 12, 31), DateWindow.LastDay);
    }

    [Fact]
    public void A_stored_instant_is_in_the_window_when_some_offset_names_it_with_a_date_of_the_window()
    {
        var first = new DateTime(1999, 12, 31, 10, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2101, 1, 1, 14, 0, 0, DateTimeKind.Utc);
        Assert.True(DateWindow.ContainsInstant(first));
        Assert.False(DateWindow.ContainsInstant(first.AddTicks(-1)));
        Assert.True(DateWindow.ContainsInstant(end.AddTicks(-1)));
        Assert.False(DateWindow.ContainsInstant(end));
        Assert.True(DateWindow.ContainsInstant(new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void An_instant_is_shown_in_the_forum_zone_with_its_offset()
    {
        var utc = new DateTime(2026, 6, 1, 20, 30, 0, DateTimeKind.Utc);
        var local = ForumTime.Local(utc, Seoul);
        Assert.Equal(new DateTime(2026, 6, 2, 5, 30, 0), local.DateTime);
        Assert.Equal(TimeSpan.FromHours(9), local.Offset);
        Assert.Equal(utc, local.UtcDateTime);
        Assert.Equal(new DateOnly(2026, 6, 2), ForumTime.LocalDate(utc, Seoul));
        Assert.Equal("Asia/Seoul", Seoul.Id);
    }

    [Fact]
    public void A_local_day_begins_and_ends_at_the_zones_midnights()
    {
        var (start, end) = ForumTime.DayInUtc(new DateOnly(2026, 6, 2), Seoul);
        Assert.Equal(new DateTime(2026, 6, 1, 15, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 6, 2, 15, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void A_slot_is_within_the_forum_dates_by_its_local_start_and_end_days()
    {
        DateOnly? first = new DateOnly(2026, 6, 1), last = new DateOnly(2026, 6, 3);
        var firstMidnight = new DateTime(2026, 5, 31, 15, 0, 0, DateTimeKind.Utc); // 2026-06-01 00:00 in Seoul
        var afterLast = new DateTime(2026, 6, 3, 15, 0, 0, DateTimeKind.Utc);      // 2026-06-04 00:00 in Seoul

        Assert.True(ForumTime.WithinDates(new TimeSlot(firstMidnight, firstMidnight.AddHours(1)), first, last, Seoul));
        Assert.False(ForumTime.WithinDates(new TimeSlot(firstMidnight.AddTicks(-1), firstMidnight.AddHours(1)), first, last, Seoul));
        Assert.True(ForumTime.WithinDates(new TimeSlot(afterLast.AddHours(-1), afterLast), first, last, Seoul));
        Assert.False(ForumTime.WithinDates(new TimeSlot(afterLast.AddHours(-1), afterLast.AddTicks(1)), first, last, Seoul));
        Assert.False(ForumTime.WithinDates(new TimeSlot(afterLast, afterLast.AddHours(1)), first, last, Seoul));

        // One date only: the span reaches 31 days from it; neither: any day.
        Assert.True(ForumTime.WithinDates(new TimeSlot(afterLast, afterLast.AddHours(1)), first, null, Seoul));
        Assert.False(ForumTime.WithinDates(new TimeSlot(firstMidnight.AddDays(31), firstMidnight.AddDays(31).AddHours(1)), first, null, Seoul));
        Assert.True(ForumTime.WithinDates(new TimeSlot(firstMidnight.AddDays(-27), firstMidnight.AddDays(-27).AddHours(1)), null, last, Seoul));
        Assert.False(ForumTime.WithinDates(new TimeSlot(firstMidnight.AddDays(-29), firstMidnight.AddDays(-29).AddHours(1)), null, last, Seoul));
        Assert.True(ForumTime.WithinDates(new TimeSlot(firstMidnight.AddYears(-5), firstMidnight.AddYears(5)), null, null, Seoul));
    }

    [Theory]
    [InlineData(null, 5, false)]
    [InlineData(null, null, false)]
    [InlineData(5, null, true)]
    [InlineData(5, 6, true)]
    [InlineData(5, 5, false)]
    [InlineData(5, 4, false)]
    public void Only_a_limit_raised_or_lifted_makes_room(int? before, int? after, bool addsRoom) =>
        Assert.Equal(addsRoom, PlaceLimit.AddsRoom(before, after));

    [Fact]
    public void An_accreditation_code_is_four_groups_of_four_crockford_characters()
    {
        var codes = Enumerable.Range(0, 50).Select(_ => AccreditationCodes.New()).ToList();
        foreach (var code in codes)
            Assert.Matches(new Regex(@"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}\z"), code);
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Only_gives_the_one_text_that_pick_gives_under_its_own_tag()
    {
        var text = new Dictionary<string, string> { ["kk"] = "Астана", ["en"] = "Astana", ["ko"] = "아스타나" };
        Assert.Equal(new Dictionary<string, string> { ["ko"] = "아스타나" }, LanguagePicker.Only(text, "KO"));
        Assert.Equal(new Dictionary<string, string> { ["en"] = "Astana" }, LanguagePicker.Only(text, "de"));
        Assert.Equal(new Dictionary<string, string> { ["en"] = "Astana" }, LanguagePicker.Only(text, null));
        var noEnglish = new Dictionary<string, string> { ["kk"] = "Астана", ["ru"] = "Астана (ru)" };
        Assert.Equal(new Dictionary<string, string> { ["kk"] = "Астана" }, LanguagePicker.Only(noEnglish, "de"));
        Assert.Equal(new Dictionary<string, string> { ["ru"] = "Астана (ru)" }, LanguagePicker.Only(noEnglish, "RU"));
        Assert.Null(LanguagePicker.Only(null, "en"));
        Assert.Null(LanguagePicker.Only(new Dictionary<string, string>(), "en"));
    }

    [Fact]
    public void Search_text_is_folded_to_nfc_lower_case_trimmed_and_joined_without_blank_parts()
    {
        Assert.Equal("école", SearchNormalizer.Normalize("  E\u0301COLE "));
        Assert.Equal("a b\nастана", SearchNormalizer.Join([" A B ", "", "   ", "АСТАНА"]));
        Assert.Empty(SearchNormalizer.Texts(null));
        Assert.Equal(["x", "y"], SearchNormalizer.Texts(new Dictionary<string, string> { ["en"] = "x", ["kk"] = "y" }));
    }

    private sealed record Item(string SearchText) : ISearchable;

    [Fact]
    public void Matching_finds_the_folded_words_in_the_search_text_and_no_words_find_all()
    {
        var items = new[] { new Item("astana forum\nastana"), new Item("almaty\nалматы"), new Item("seoul") }.AsQueryable();
        Assert.Equal(3, items.Matching(null).Count());
        Assert.Equal([items.First()], items.Matching("  ASTANA ").ToList());
        Assert.Equal("almaty\nалматы", Assert.Single(items.Matching("АЛМАТЫ")).SearchText);
        Assert.Empty(items.Matching("tokyo"));
    }

    [Theory]
    [InlineData("abc", "abc", 1, 0)]
    [InlineData("", "abc", 5, 3)]
    [InlineData("abc", "", 5, 3)]
    [InlineData("kazak", "kazakh", 2, 1)]
    [InlineData("russain", "russian", 2, 1)]
    [InlineData("ab", "ba", 2, 1)]
    [InlineData("abcd", "abdc", 2, 1)]
    [InlineData("abcd", "bacd", 2, 1)]
    [InlineData("abc", "abx", 1, 1)]
    [InlineData("abc", "xbc", 1, 1)]
    [InlineData("abc", "xyz", 1, 2)]
    [InlineData("abc", "xyz", 5, 3)]
    [InlineData("a", "abcd", 1, 2)]
    [InlineData("kitten", "sitting", 5, 3)]
    public void Edit_distance_counts_insertions_deletions_substitutions_and_swaps_up_to_a_limit(string a, string b, int limit, int distance) =>
        Assert.Equal(distance, EditDistance.Within(a, b, limit));

    [Fact]
    public void A_slug_has_3_to_100_characters()
    {
        Assert.True(Slug.IsValid(new string('a', 100)));
        Assert.False(Slug.IsValid(new string('a', 101)));
        Assert.True(Slug.IsValid("abc"));
        Assert.False(Slug.IsValid("ab"));
    }
}
