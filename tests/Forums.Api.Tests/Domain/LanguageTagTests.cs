using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>The exact sentences that explain a refused language tag, and the edges of the tag rules.</summary>
public sealed class LanguageTagTests
{
    private const string Examples = "(e.g. 'kk', 'en', 'ko', 'uz-Cyrl')";

    [Theory]
    [InlineData("xq", "'xq' is not a language of the IANA Language Subtag Registry " + Examples + ".")]
    [InlineData("kk-KX", "'kk-KX': 'KX' is not a region of the IANA Language Subtag Registry " + Examples + ".")]
    [InlineData("en-UK", "'en-UK': 'UK' is not a region of the IANA Language Subtag Registry; did you mean 'en-GB'?")]
    [InlineData("kz-KZ", "'kz-KZ': 'kz' is not a language of the IANA Language Subtag Registry; did you mean 'kk-KZ' (Kazakh)?")]
    [InlineData("kaz", "'kaz' is not a language of the IANA Language Subtag Registry; did you mean 'kk' (Kazakh)?")]
    [InlineData("uz-Cyrk", "'uz-Cyrk': 'Cyrk' is not a script of the IANA Language Subtag Registry " + Examples + ".")]
    [InlineData("de-1ab2", "'de-1ab2': '1ab2' is not a variant of the IANA Language Subtag Registry " + Examples + ".")]
    [InlineData("zh-abc", "'zh-abc': 'abc' is not an extended language of the IANA Language Subtag Registry " + Examples + ".")]
    [InlineData("en-a-bc", "'en-a-bc': 'a' is not a registered extension (only -t- and -u- are; -x- starts a private part).")]
    [InlineData("de-1996-1996", "'de-1996-1996': '1996' is given twice.")]
    [InlineData("en-u-ca-gregory-u-nu-latn", "'en-u-ca-gregory-u-nu-latn': 'u' is given twice.")]
    [InlineData("kazakh!", "'kazakh!' is not a well-formed BCP 47 language tag: did you mean 'kk' (Kazakh)?")]
    [InlineData("k k", "'k k' is not a well-formed BCP 47 language tag " + Examples + ".")]
    public void A_refused_tag_is_explained_in_one_sentence(string tag, string explanation)
    {
        Assert.Equal(explanation, LanguageTag.Explain(tag));
        Assert.False(LanguageTag.IsValid(tag));
    }

    [Fact]
    public void No_tag_is_not_well_formed()
    {
        Assert.Equal("'' is not a well-formed BCP 47 language tag " + Examples + ".", LanguageTag.Explain(null));
        Assert.False(LanguageTag.IsValid(null));
        Assert.False(LanguageTag.IsWellFormed(""));
    }

    [Fact]
    public void A_refused_tag_is_echoed_up_to_60_characters()
    {
        var sixty = new string('k', 60);
        Assert.Equal($"'{sixty}' is not a well-formed BCP 47 language tag {Examples}.", LanguageTag.Explain(sixty));
        Assert.Equal($"'{sixty}…' is not a well-formed BCP 47 language tag {Examples}.", LanguageTag.Explain(sixty + "k"));
    }

    [Fact]
    public void A_tag_has_at_most_64_characters()
    {
        var sixtyFour = "x" + string.Concat(Enumerable.Repeat("-abcdefgh", 7));
        var sixtyFive = "x" + string.Concat(Enumerable.Repeat("-abcdefgh", 6)) + "-abcdefg-a";
        Assert.Equal(64, sixtyFour.Length);
        Assert.Equal(65, sixtyFive.Length);
        Assert.True(LanguageTag.IsWellFormed(sixtyFour));
        Assert.True(LanguageTag.IsValid(sixtyFour));
        Assert.False(LanguageTag.IsWellFormed(sixtyFive));
        Assert.False(LanguageTag.IsValid(sixtyFive));
    }

    [Fact]
    public void A_three_letter_language_takes_a_registered_extended_language()
    {
        Assert.True(LanguageTag.IsValid("sgn-ase"), LanguageTag.Explain("sgn-ase"));
        Assert.True(LanguageTag.IsValid("zh-yue-HK"), LanguageTag.Explain("zh-yue-HK"));
    }

    [Fact]
    public void No_list_is_an_empty_list() => Assert.Empty(LanguageTag.CanonicalList(null));

    [Theory]
    [InlineData("kazaqq", "kk")]   // six letters: two edits away is still close
    [InlineData("KAZAKH", "kk")]
    [InlineData("  korean  ", "ko")]
    [InlineData("eng", "en")]
    public void A_name_or_code_close_to_a_language_suggests_it(string written, string meant) =>
        Assert.Equal(meant, LanguageSubtagRegistry.SuggestLanguage(written));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("kazxx")]   // five letters: two edits away is too far
    [InlineData("xq")]
    public void Nothing_close_suggests_nothing(string written) => Assert.Null(LanguageSubtagRegistry.SuggestLanguage(written));

    [Fact]
    public void Region_suggestions_are_the_hand_written_ones()
    {
        Assert.Equal("GB", LanguageSubtagRegistry.SuggestRegion("uk"));
        Assert.Equal("GB", LanguageSubtagRegistry.SuggestRegion("EN"));
        Assert.Null(LanguageSubtagRegistry.SuggestRegion("KZ"));
        Assert.Equal("Kazakh", LanguageSubtagRegistry.Describe(LanguageSubtagRegistry.Kind.Language, "KK"));
        Assert.Null(LanguageSubtagRegistry.Describe(LanguageSubtagRegistry.Kind.Language, "xq"));
    }
}
