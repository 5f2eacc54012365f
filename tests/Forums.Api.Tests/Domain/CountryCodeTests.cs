using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>The country codes and the language registry's tables, checked against each other code by code.</summary>
public sealed class CountryCodeTests
{
    // Two-letter region subtags of the IANA registry that are no assigned ISO 3166-1 code: private use (AA, QM..QZ,
    // XA..XZ, ZZ), withdrawn codes the registry keeps as deprecated, and ISO's exceptionally reserved codes.
    private static readonly HashSet<string> Deprecated = ["AN", "BU", "CS", "DD", "FX", "NT", "SU", "TP", "YD", "YU", "ZR"];
    private static readonly HashSet<string> ExceptionallyReserved = ["AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "TA", "UN"];

    private static bool IsPrivateUse(string code) =>
        code is "AA" or "ZZ" || (code[0] == 'Q' && code[1] >= 'M') || code[0] == 'X';

    [Fact]
    public void The_assigned_codes_are_the_registrys_current_two_letter_regions_without_private_use_or_reserved_codes()
    {
        var assigned = new List<string>();
        for (var first = 'A'; first <= 'Z'; first++)
        for (var second = 'A'; second <= 'Z'; second++)
        {
            var code = $"{first}{second}";
            var expected = LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Region, code)
                           && !IsPrivateUse(code) && !Deprecated.Contains(code) && !ExceptionallyReserved.Contains(code);
            Assert.True(expected == CountryCode.IsAssigned(code), $"{code}: expected assigned = {expected}");
            Assert.Equal(expected, CountryCode.IsAssigned(code.ToLowerInvariant()));
            if (expected)
                assigned.Add(code);
        }
        Assert.Equal(249, assigned.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K")]
    [InlineData("KAZ")]
    public void What_is_not_two_letters_is_no_country(string? code) => Assert.False(CountryCode.IsAssigned(code));

    [Fact]
    public void Every_hand_written_suggestion_is_what_is_suggested_for_it()
    {
        foreach (var (wrong, meant) in LanguageSubtagRegistry.HandWrittenSuggestions)
        {
            Assert.True(LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Language, meant), meant);
            Assert.Equal(meant, LanguageSubtagRegistry.SuggestLanguage(wrong));
            Assert.Equal(meant, LanguageSubtagRegistry.SuggestLanguage(wrong.ToUpperInvariant()));
        }
        foreach (var (wrong, meant) in LanguageSubtagRegistry.HandWrittenRegions)
        {
            Assert.True(LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Region, meant), meant);
            Assert.Equal(meant, LanguageSubtagRegistry.SuggestRegion(wrong));
        }
    }

    [Fact]
    public void The_registry_holds_every_subtag_with_ranges_written_out()
    {
        // 8,267 languages + qaa..qtz (520), 224 scripts + Qaaa..Qabx (50), 303 regions + QM..QZ (14) + XA..XZ (26), 256 extlangs, 134 variants
        Assert.Equal(9_794, LanguageSubtagRegistry.Count);
        Assert.True(LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Language, "qaa"));
        Assert.True(LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Language, "qbz"));
        Assert.True(LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Language, "qtz"));
        Assert.True(LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Script, "Qabx"));
        Assert.False(LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Script, "Qaby"));
        Assert.True(LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Region, "QM"));
        Assert.True(LanguageSubtagRegistry.Has(LanguageSubtagRegistry.Kind.Region, "XZ"));
        Assert.Equal("Private use", LanguageSubtagRegistry.Describe(LanguageSubtagRegistry.Kind.Region, "QP"));
        Assert.Equal("2025-08-25", LanguageSubtagRegistry.FileDate);
    }
}
