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
        var created = await admin.CreateForumAsync(new ForumBuilder().With("startDate", "2027-05-01").With("endDate", "2027-05-31"));

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
        var id = (string)(await admin.CreateForumAsync(forum))["id"]!;
        var (_, etag) = await admin.GetForumAsync(id);

        await (await admin.PutJsonAsync($"/api/forums/{id}", forum.With("endDate", "2027-12-31").Build(), ("If-Match", etag)))
            .ShouldBeInvalidAsync("endDate");

        var (read, _) = await admin.GetForumAsync(id);
        Assert.Equal("2027-05-21", (string)read["endDate"]!);
    }
}
