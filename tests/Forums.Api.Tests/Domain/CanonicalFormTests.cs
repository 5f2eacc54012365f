using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>The entity, not each caller, keeps the stored form: one home for each canonical form.</summary>
public sealed class CanonicalFormTests
{
    private static readonly DateTime Now = new(2027, 5, 1, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("kz", "KZ")]
    [InlineData("Kr", "KR")]
    [InlineData("KZ", "KZ")]
    public void A_delegation_stores_its_country_in_upper_case_however_it_was_written(string written, string stored)
    {
        var delegation = Delegation.Create(Guid.NewGuid(), Guid.NewGuid(),
            new DelegationDetails(new Dictionary<string, string> { ["en"] = "Korea" }, DelegationKind.Country, written, null, null), Now);

        Assert.Equal(stored, delegation.Country);
    }

    [Fact]
    public void Country_codes_are_checked_and_compared_in_one_form()
    {
        Assert.True(CountryCode.IsAssigned("kz"));
        Assert.False(CountryCode.IsAssigned("xx"));
        Assert.Null(CountryCode.Canonical(null));
        Assert.Equal("KZ", CountryCode.Canonical("kZ"));
    }

    [Fact]
    public void An_entity_keeps_its_own_copy_of_the_texts_it_is_given()
    {
        var name = new Dictionary<string, string> { ["en"] = "Korea" };
        var delegation = Delegation.Create(Guid.NewGuid(), Guid.NewGuid(),
            new DelegationDetails(name, DelegationKind.Country, "KR", null, null), Now);

        name["en"] = "changed behind its back";

        Assert.Equal("Korea", delegation.Name["en"]);
        Assert.Null(LanguageText.Copy(null));
    }

    [Fact]
    public void Language_lists_are_kept_canonical_and_once_each_in_the_order_written() =>
        Assert.Equal(["kk", "ko-KR", "en"], LanguageTag.CanonicalList(["KK", "ko-kr", "kk", "en"]));
}
