using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>A delegation's details, quota and head; a speaker's profile.</summary>
public sealed class DelegationTests
{
    private static readonly Guid Id = Guid.Parse("88888888-8888-8888-8888-888888888888");
    private static readonly Guid ForumId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly DateTime Created = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2026, 5, 2, 9, 0, 0, DateTimeKind.Utc);

    private static DelegationDetails Details(int? quota = 10) =>
        new(new Dictionary<string, string> { ["en"] = "Republic of KOREA", ["ko"] = "대한민국" }, DelegationKind.Country, "kr",
            new Dictionary<string, string> { ["en"] = "Seoul Region" }, quota);

    [Fact]
    public void A_delegation_keeps_its_details_with_the_country_in_upper_case()
    {
        var delegation = Delegation.Create(Id, ForumId, Details(), Created);

        Assert.Equal(Id, delegation.Id);
        Assert.Equal(ForumId, delegation.ForumId);
        Assert.Equal("대한민국", delegation.Name["ko"]);
        Assert.Equal(DelegationKind.Country, delegation.Kind);
        Assert.Equal("KR", delegation.Country);
        Assert.Equal("Seoul Region", delegation.Region!["en"]);
        Assert.Equal(10, delegation.Quota);
        Assert.Equal(Created, delegation.CreatedAt);
        Assert.Equal(Created, delegation.UpdatedAt);
        Assert.Null(delegation.HeadDelegateId);
        Assert.Equal("republic of korea\n대한민국\nseoul region", delegation.SearchText);
        Assert.Equal(SortKeys.For("Republic of KOREA", Id), delegation.SortKey);
    }

    [Fact]
    public void The_quota_cannot_go_below_the_places_taken()
    {
        var delegation = Delegation.Create(Id, ForumId, Details(), Created);
        typeof(Delegation).GetProperty(nameof(Delegation.PlacesTaken))!.SetValue(delegation, 4);

        var refused = Assert.Throws<RuleViolationException>(() => delegation.Update(Details(quota: 3), Later));
        Assert.Equal("4 delegates of this delegation already hold places; the quota cannot be lower.", refused.Message);
        Assert.Equal(BrokenRule.PlacesHeld, refused.Rule);
        Assert.Equal(4, refused.PlacesTaken);
        Assert.Equal(10, delegation.Quota);
        Assert.Equal(Created, delegation.UpdatedAt);

        delegation.Update(Details(quota: 4), Later);
        Assert.Equal(4, delegation.Quota);
        Assert.Equal(Later, delegation.UpdatedAt);
        delegation.Update(Details(quota: null) with { Country = null, Region = null }, Later);
        Assert.Null(delegation.Quota);
        Assert.Null(delegation.Country);
        Assert.Equal("republic of korea\n대한민국", delegation.SearchText);
    }

    [Fact]
    public void A_head_of_delegation_is_appointed_and_removed()
    {
        var delegation = Delegation.Create(Id, ForumId, Details(), Created);
        var head = Guid.Parse("22222222-2222-2222-2222-222222222222");
        delegation.AppointHead(head, Later);
        Assert.Equal(head, delegation.HeadDelegateId);
        Assert.Equal(Later, delegation.UpdatedAt);
        delegation.AppointHead(null, Later.AddHours(1));
        Assert.Null(delegation.HeadDelegateId);
        Assert.Equal(Later.AddHours(1), delegation.UpdatedAt);
    }

    [Fact]
    public void A_speaker_keeps_a_profile_searched_and_sorted_by_its_latin_name_when_it_has_one()
    {
        var delegateId = Guid.Parse("22222222-2222-2222-2222-222222222222");
        var speaker = Speaker.Create(Id, ForumId,
            new SpeakerDetails("Ким Мин Су", "Kim Min-su", new Dictionary<string, string> { ["en"] = "Minister" },
                new Dictionary<string, string> { ["en"] = "MINISTRY" }, new Dictionary<string, string> { ["en"] = "Bio" },
                "https://example.kz/kim.jpg", delegateId), Created);

        Assert.Equal(Id, speaker.Id);
        Assert.Equal(ForumId, speaker.ForumId);
        Assert.Equal("Ким Мин Су", speaker.Name);
        Assert.Equal("Kim Min-su", speaker.NameLatin);
        Assert.Equal("Minister", speaker.Position!["en"]);
        Assert.Equal("MINISTRY", speaker.Organisation!["en"]);
        Assert.Equal("Bio", speaker.Biography!["en"]);
        Assert.Equal("https://example.kz/kim.jpg", speaker.PhotoUrl);
        Assert.Equal(delegateId, speaker.DelegateId);
        Assert.Equal(Created, speaker.CreatedAt);
        Assert.Equal(Created, speaker.UpdatedAt);
        Assert.Equal("ким мин су\nkim min-su\nministry", speaker.SearchText);
        Assert.Equal(SortKeys.For("Kim Min-su", Id), speaker.SortKey);

        speaker.Update(new SpeakerDetails("Ким Мин Су", null, null, null, null, null, null), Later);
        Assert.Equal("ким мин су", speaker.SearchText);
        Assert.Equal(SortKeys.For("Ким Мин Су", Id), speaker.SortKey);
        Assert.Null(speaker.NameLatin);
        Assert.Null(speaker.Organisation);
        Assert.Null(speaker.DelegateId);
        Assert.Equal(Created, speaker.CreatedAt);
        Assert.Equal(Later, speaker.UpdatedAt);
    }
}
