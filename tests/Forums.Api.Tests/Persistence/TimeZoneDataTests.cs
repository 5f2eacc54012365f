using Forums.Api.Domain;

namespace Forums.Api.Tests.Persistence;

public sealed class TimeZoneDataTests
{
    [Fact]
    public void The_seed_forums_zone_is_utc_plus_5_as_tzdata_2024a_says()
    {
        var almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

        // All of Kazakhstan moved to UTC+5 on 1 March 2024; older tzdata still says UTC+6.
        Assert.Equal(TimeSpan.FromHours(5), almaty.GetUtcOffset(new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(TimeSpan.FromHours(6), almaty.GetUtcOffset(new DateTime(2023, 6, 1, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("Asia/Almaty", true)]
    [InlineData("Asia/Seoul", true)]
    [InlineData("Central Asia Standard Time", false)]
    [InlineData("UTC+5", false)]
    [InlineData("asia/almaty", false)]
    [InlineData("", false)]
    public void Only_iana_zone_ids_are_accepted(string id, bool accepted)
    {
        Assert.Equal(accepted, IanaTimeZone.Exists(id));
    }
}
