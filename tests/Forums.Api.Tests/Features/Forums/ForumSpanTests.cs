using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Forums;

/// <summary>A forum lasts days, not centuries: at most 31 days, both ends included.</summary>
public sealed class ForumSpanTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task A_forum_of_31_days_is_accepted()
    {
        var created = await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("startDate", "2027-05-01").With("endDate", "2027-05-31"));

        Assert.Equal("2027-05-31", (string)created["endDate"]!);
    }

    [Theory]
    [InlineData("2027-05-01", "2027-06-01")]
    [InlineData("2000-01-01", "2100-12-31")]
    public async Task A_forum_longer_than_31_days_is_400_naming_the_end_date(string start, string end)
    {
        var response = await admin.PostJsonAsync("/api/forums", new ForumBuilder().With("startDate", start).With("endDate", end).Build());

        var problem = await response.ShouldBeInvalidAsync("endDate");
        Assert.Contains("at most 31 days", (string)problem["errors"]!["endDate"]![0]!);
    }

    [Fact]
    public async Task Stretching_a_forum_past_31_days_on_update_is_400_and_changes_nothing()
    {
        var forum = new ForumBuilder().With("startDate", "2027-05-20").With("endDate", "2027-05-21");
        var id = (string)(await admin.CreateForumExpectingCreatedAsync(forum))["id"]!;
        var (_, etag) = await admin.GetForumExpectingOkAsync(id);

        await (await admin.PutJsonAsync($"/api/forums/{id}", forum.With("endDate", "2027-12-31").Build(), ("If-Match", etag)))
            .ShouldBeInvalidAsync("endDate");

        var (read, _) = await admin.GetForumExpectingOkAsync(id);
        Assert.Equal("2027-05-21", (string)read["endDate"]!);
    }

    [Theory]
    [InlineData("startDate", "2027-05-01", "2027-05-31T10:00:00+05:00", "2027-06-01T10:00:00+05:00")]
    [InlineData("endDate", "2027-05-31", "2027-05-01T10:00:00+05:00", "2027-04-30T10:00:00+05:00")]
    public async Task With_one_date_fixed_a_session_lies_within_the_31_days_the_forum_can_last_from_it(
        string field, string date, string lastInside, string firstOutside)
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With(field, date)))["id"]!;
        DateTimeOffset Start(string at) => DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At(lastInside, Start(lastInside).AddHours(1).ToString("yyyy-MM-ddTHH:mm:sszzz")));
        var outside = await admin.PostJsonAsync($"/api/forums/{forum}/sessions",
            new SessionBuilder().At(firstOutside, Start(firstOutside).AddHours(1).ToString("yyyy-MM-ddTHH:mm:sszzz")).Build());
        var years = await admin.PostJsonAsync($"/api/forums/{forum}/sessions",
            new SessionBuilder().At("2060-06-01T10:00:00+05:00", "2060-06-01T11:00:00+05:00").Build());

        Assert.Contains("31 days", (string)(await outside.ShouldBeInvalidAsync("startsAt"))["errors"]!["startsAt"]![0]!);
        await years.ShouldBeInvalidAsync("startsAt");
    }
}
