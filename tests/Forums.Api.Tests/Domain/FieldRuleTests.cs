using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

public sealed class FieldRuleTests
{
    [Theory]
    [InlineData("kk", "kk")]
    [InlineData("EN-gb", "en-GB")]
    [InlineData("uz-cyrl-uz", "uz-Cyrl-UZ")]
    [InlineData("ko-KR", "ko-KR")]
    [InlineData("es-419", "es-419")]
    [InlineData("x-private", "x-private")]
    public void Well_formed_language_tags_are_written_in_canonical_case(string tag, string canonical)
    {
        Assert.True(LanguageTag.IsWellFormed(tag));
        Assert.Equal(canonical, LanguageTag.Canonicalize(tag));
    }

    [Theory]
    [InlineData("Asia/Almaty", true)]
    [InlineData("Asia/Seoul", true)]
    [InlineData("UTC", true)]
    [InlineData("Etc/GMT-5", true)]
    [InlineData("Central Asia Standard Time", false)]
    [InlineData("+05:00", false)]
    [InlineData("asia/almaty", false)]
    // Files of the host's zoneinfo folder that are no place's zone: their meaning depends on the machine.
    [InlineData("localtime", false)]
    [InlineData("posixrules", false)]
    [InlineData("right/UTC", false)]
    [InlineData("posix/Asia/Almaty", false)]
    [InlineData("Factory", false)]
    public void A_time_zone_is_an_IANA_zone_of_a_place(string id, bool accepted) => Assert.Equal(accepted, IanaTimeZone.Exists(id));

    [Theory]
    [InlineData("")]
    [InlineData("english!")]
    [InlineData("e")]
    [InlineData("en_US")]
    [InlineData("en--us")]
    [InlineData("toolongtag")]
    public void Malformed_language_tags_are_refused(string tag) => Assert.False(LanguageTag.IsWellFormed(tag));

    [Theory]
    [InlineData("KZ", true)]
    [InlineData("KR", true)]
    [InlineData("UZ", true)]
    [InlineData("XX", false)]
    [InlineData("UK", false)]
    [InlineData("KAZ", false)]
    public void Only_assigned_iso_3166_codes_are_countries(string code, bool assigned) =>
        Assert.Equal(assigned, CountryCode.IsAssigned(code));

    [Theory]
    [InlineData("central-asia-korea-ii", true)]
    [InlineData("abc", true)]
    [InlineData("ab", false)]
    [InlineData("Central-Asia", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("trailing-", false)]
    [InlineData("түркістан", false)]
    public void Slugs_are_lower_case_ascii_words_joined_by_hyphens(string slug, bool valid) =>
        Assert.Equal(valid, Slug.IsValid(slug));
}
