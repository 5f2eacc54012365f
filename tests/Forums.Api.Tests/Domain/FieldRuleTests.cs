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
