using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>The one rule that picks a language map's text for a reader of one language (exports, calendars, schedule).</summary>
public sealed class LanguagePickerTests
{
    private static readonly Dictionary<string, string> KazakhFirst = new() { ["kk"] = "Түркістан", ["en"] = "Turkistan", ["ko"] = "투르키스탄" };
    private static readonly Dictionary<string, string> NoEnglish = new() { ["ru"] = "Туркестан", ["kk"] = "Түркістан" };

    [Theory]
    [InlineData("ko", "투르키스탄")]
    [InlineData("KO", "투르키스탄")]
    [InlineData("kk", "Түркістан")]
    [InlineData("en", "Turkistan")]
    public void The_wanted_language_in_any_case_comes_first(string wanted, string text) =>
        Assert.Equal(text, LanguagePicker.Pick(KazakhFirst, wanted));

    [Theory]
    [InlineData("de")]
    [InlineData(null)]
    public void Else_english_though_it_is_not_the_first(string? wanted) =>
        Assert.Equal("Turkistan", LanguagePicker.Pick(KazakhFirst, wanted));

    [Fact]
    public void Else_the_first_text_given() => Assert.Equal("Туркестан", LanguagePicker.Pick(NoEnglish, "de"));

    [Fact]
    public void No_text_is_none()
    {
        Assert.Null(LanguagePicker.Pick(null, "en"));
        Assert.Null(LanguagePicker.Pick(new Dictionary<string, string>(), "en"));
    }
}
