using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>Language tags are checked against the IANA Language Subtag Registry, and a refused one says what was probably meant.</summary>
public sealed class LanguageRegistryTests
{
    [Theory]
    [InlineData("kk")]
    [InlineData("KK")]
    [InlineData("ko")]
    [InlineData("ru")]
    [InlineData("en")]
    [InlineData("kk-KZ")]
    [InlineData("kk-Cyrl-KZ")]
    [InlineData("uz-Cyrl")]
    [InlineData("uz-latn-uz")]
    [InlineData("zh-Hant-TW")]
    [InlineData("es-419")]
    [InlineData("yue")]
    [InlineData("zh-yue")]
    [InlineData("und")]
    [InlineData("mul")]
    [InlineData("qaa")]
    [InlineData("qtz")]
    [InlineData("en-Qaaa")]
    [InlineData("en-XA")]
    [InlineData("de-CH-1996")]
    [InlineData("sl-rozaj-biske")]
    [InlineData("en-US-u-ca-gregory")]
    [InlineData("en-t-ja")]
    [InlineData("kk-x-forum")]
    [InlineData("x-whatever")]
    [InlineData("kr")] // Kanuri: a registered language, whatever a Korean forum meant by it
    public void A_registered_tag_is_valid(string tag)
    {
        Assert.True(LanguageTag.IsValid(tag), LanguageTag.Explain(tag));
        Assert.Null(LanguageTag.Explain(tag));
    }

    [Theory]
    // Country codes taken for language codes
    [InlineData("kz", "did you mean 'kk' (Kazakh)?")]
    [InlineData("KZ", "did you mean 'kk' (Kazakh)?")]
    [InlineData("cn", "did you mean 'zh' (Chinese)?")]
    [InlineData("jp", "did you mean 'ja' (Japanese)?")]
    [InlineData("ua", "did you mean 'uk' (Ukrainian)?")]
    [InlineData("gr", "did you mean 'el' (Modern Greek (1453-))?")]
    [InlineData("dk", "did you mean 'da' (Danish)?")]
    [InlineData("kz-KZ", "did you mean 'kk-KZ' (Kazakh)?")]
    // ISO 639-2/3 codes where the registry has a two-letter one
    [InlineData("kaz", "did you mean 'kk' (Kazakh)?")]
    [InlineData("rus", "did you mean 'ru' (Russian)?")]
    [InlineData("kor", "did you mean 'ko' (Korean)?")]
    [InlineData("eng", "did you mean 'en' (English)?")]
    // English names, near misses and native names
    [InlineData("korean", "did you mean 'ko' (Korean)?")]
    [InlineData("Kazakh", "did you mean 'kk' (Kazakh)?")]
    [InlineData("russian", "did you mean 'ru' (Russian)?")]
    [InlineData("english", "did you mean 'en' (English)?")]
    [InlineData("uzbek", "did you mean 'uz' (Uzbek)?")]
    [InlineData("kyrgyz", "did you mean 'ky' (Kirghiz)?")]
    [InlineData("kazak", "did you mean 'kk' (Kazakh)?")]
    [InlineData("russain", "did you mean 'ru' (Russian)?")]
    [InlineData("қазақ", "did you mean 'kk' (Kazakh)?")]
    [InlineData("қазақша", "did you mean 'kk' (Kazakh)?")]
    [InlineData("русский", "did you mean 'ru' (Russian)?")]
    [InlineData("한국어", "did you mean 'ko' (Korean)?")]
    // Regions and scripts
    [InlineData("en-UK", "did you mean 'en-GB'")]
    [InlineData("kk-KX", "'KX' is not a region")]
    [InlineData("uz-Cyrk", "'Cyrk' is not a script")]
    [InlineData("de-1997", "'1997' is not a variant")]
    [InlineData("zh-abc", "'abc' is not an extended language")]
    [InlineData("en-a-bc", "'a' is not a registered extension")]
    [InlineData("de-1996-1996", "'1996' is given twice")]
    public void An_unregistered_tag_is_refused_with_what_was_probably_meant(string tag, string expected)
    {
        Assert.False(LanguageTag.IsValid(tag));
        Assert.Contains(expected, LanguageTag.Explain(tag));
        Assert.True(LanguageTag.Explain(tag)!.Length < 200, LanguageTag.Explain(tag));
    }

    [Theory]
    [InlineData("xq")]
    [InlineData("zzzz")]
    public void A_tag_like_nothing_known_is_refused_with_examples(string tag)
    {
        var problem = LanguageTag.Explain(tag);

        Assert.NotNull(problem);
        Assert.Contains("IANA Language Subtag Registry", problem);
        Assert.Contains("e.g. 'kk'", problem);
    }

    [Fact]
    public void A_tag_that_is_not_even_well_formed_says_so_and_repeats_only_a_short_part()
    {
        var problem = LanguageTag.Explain(new string('k', 5_000) + "-");

        Assert.Contains("not a well-formed BCP 47 language tag", problem);
        Assert.True(problem!.Length < 200, problem);
    }

    [Fact]
    public void The_registry_is_the_IANA_file_of_a_stated_date()
    {
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", LanguageSubtagRegistry.FileDate);
        Assert.True(LanguageSubtagRegistry.Count > 8_000, $"{LanguageSubtagRegistry.Count} subtags");
    }

    [Fact]
    public void Every_hand_written_suggestion_names_a_code_the_registry_refuses_and_a_language_it_has()
    {
        foreach (var (wrong, meant) in LanguageSubtagRegistry.HandWrittenSuggestions)
        {
            Assert.False(LanguageTag.IsValid(wrong), $"'{wrong}' is registered: a suggestion for it would never be shown");
            Assert.True(LanguageTag.IsValid(meant), $"'{meant}' (suggested for '{wrong}') is not registered");
        }
    }
}
