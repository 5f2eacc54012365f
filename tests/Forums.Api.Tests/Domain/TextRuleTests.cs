using System.Globalization;
using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>
/// The rules on text people read (ReadableText), e-mail addresses (EmailAddress), names matched as one (NameKey) and
/// what a code point looks like (CodePoint). Strings with lone surrogates are built in code, not passed as theory data.
/// </summary>
public sealed class TextRuleTests
{
    public static TheoryData<string, bool, string?> ReadableCases() => new()
    {
        { "Hello, Astana!", false, null },
        { "~!", false, null },
        { "", false, null },
        { "   ", false, null },
        { "Алматы", false, null },
        { "é", false, null },
        { "a\u00a0b", false, null },
        { "a\u200Bb", false, null },
        { "\u200B", false, "only invisible characters" },
        { " \u200B", false, "only invisible characters" },
        { "\u0301", false, "only invisible characters" },
        { "\u3164", false, "only invisible characters" },
        { "a\nb", false, "a line break (this text is one line) (U+000A) at character 2" },
        { "a\rb", false, "a line break (this text is one line) (U+000D) at character 2" },
        { "a\tb", false, "a control character (U+0009) at character 2" },
        { "a\nb\r\n\tc", true, null },
        { "a\u0001b", true, "a control character (U+0001) at character 2" },
        { "\u001f", false, "a control character (U+001F) at character 1" },
        { "a\u007f", false, "a control character (U+007F) at character 2" },
        { "a\u0080", false, "a control character (U+0080) at character 2" },
        { "a\u009f", false, "a control character (U+009F) at character 2" },
        { "Admin\u202Egnp.exe", false, "a bidirectional override or isolate (U+202E) at character 6" },
        { "a\u202Ab", false, "a bidirectional override or isolate (U+202A) at character 2" },
        { "a\u2066b", false, "a bidirectional override or isolate (U+2066) at character 2" },
        { "a\u2069b", false, "a bidirectional override or isolate (U+2069) at character 2" },
        { "a\u2029b", false, "a line or paragraph separator (U+2029) at character 2" },
        { "a\u2028b", true, "a line or paragraph separator (U+2028) at character 2" },
        { "a\uFDD0", false, "a noncharacter (U+FDD0) at character 2" },
        { "a\uFDEF", false, "a noncharacter (U+FDEF) at character 2" },
        { "a\uFFFE", false, "a noncharacter (U+FFFE) at character 2" },
        { "a\uFFFF", false, "a noncharacter (U+FFFF) at character 2" },
        { "a\U0001FFFE", false, "a noncharacter (U+1FFFE) at character 2" },
        { "a\U0010FFFF", false, "a noncharacter (U+10FFFF) at character 2" },
        { "a\uFDCFb\uFDF0", false, null },
        { "a\U000E0041", false, "a tag character (U+E0041) at character 2" },
        { "a\U000E0000", false, "a tag character (U+E0000) at character 2" },
        { "a\U000E007F", false, "a tag character (U+E007F) at character 2" },
        { "a\U000E0080", false, "an unassigned invisible character (U+E0080) at character 2" },
        { "a\U000E00FF", false, "an unassigned invisible character (U+E00FF) at character 2" },
        { "a\U000E01F0", false, "an unassigned invisible character (U+E01F0) at character 2" },
        { "a\U000E0FFF", false, "an unassigned invisible character (U+E0FFF) at character 2" },
        { "a\U000E0100", false, null },
        { "a\U000E01EF", false, null },
        { "a\U000F0000", false, null },
        { "a\uFE0F", false, null },
        { "😀\uFE0F", false, null },
        { "\uFE0F", false, "a variation selector not after a character (U+FE0F) at character 1" },
        { "a\uFE0F\uFE0E", false, "a variation selector not after a character (U+FE0E) at character 3" },
        { "a\U000E0100\uFE00", false, "a variation selector not after a character (U+FE00) at character 4" },
        { "😀😀\u0001", false, "a control character (U+0001) at character 5" },
    };

    [Theory]
    [MemberData(nameof(ReadableCases))]
    public void Readable_text_names_the_first_character_a_reader_cannot_be_shown_and_where_it_is(string text, bool multiLine, string? problem) =>
        Assert.Equal(problem, ReadableText.FindUnsafe(text, multiLine));

    [Fact]
    public void A_lone_surrogate_is_never_readable()
    {
        Assert.Equal("a lone surrogate (U+D800) at character 2", ReadableText.FindUnsafe("a\ud800b"));
        Assert.Equal("a lone surrogate (U+DFFF) at character 1", ReadableText.FindUnsafe("\udfffb"));
        Assert.Equal("a lone surrogate (U+DC00) at character 3", ReadableText.FindUnsafe("ab\udc00", multiLine: true));
    }

    [Theory]
    [InlineData(" Ana@Example.KZ ", "ana@example.kz")]
    [InlineData("a@example.kz", "a@example.kz")]
    [InlineData("first.last+tag@example.kz", "first.last+tag@example.kz")]
    [InlineData("!#$%&'*+-/=?^_`{|}~@example.kz", "!#$%&'*+-/=?^_`{|}~@example.kz")]
    [InlineData("АЛИЯ@EXAMPLE.KZ", "алия@example.kz")]
    [InlineData("1\u0301@example.kz", "1\u0301@example.kz")]
    [InlineData("e\u0301@example.kz", "\u00e9@example.kz")]
    [InlineData("a@BÜCHER.example", "a@bücher.example")]
    [InlineData("a@xn--bcher-kva.example", "a@bücher.example")]
    [InlineData("a@XN--BCHER-KVA.example", "a@bücher.example")]
    [InlineData("a@e-x.123.kz", "a@e-x.123.kz")]
    [InlineData("a@пример.қаз", "a@пример.қаз")]
    [InlineData("я\u0301@example.kz", "я\u0301@example.kz")]
    public void An_address_is_stored_trimmed_in_lower_case_with_its_domain_in_unicode(string written, string stored)
    {
        Assert.Equal(stored, EmailAddress.Normalize(written));
        Assert.True(EmailAddress.IsValid(written));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("example.kz")]
    [InlineData("@example.kz")]
    [InlineData("a@b@example.kz")]
    [InlineData("a@")]
    [InlineData("a..b@example.kz")]
    [InlineData(".a@example.kz")]
    [InlineData("a.@example.kz")]
    [InlineData("a(b@example.kz")]
    [InlineData("a b@example.kz")]
    [InlineData("a\u200Bb@example.kz")]
    [InlineData("a\u00ADb@example.kz")]
    [InlineData("a\u3164b@example.kz")]
    [InlineData("a\u2800b@example.kz")]
    [InlineData("a\U000110BDb@example.kz")]
    [InlineData("a\u202Eb@example.kz")]
    [InlineData("a\u034Fb@example.kz")]
    [InlineData("a\uFE0F@example.kz")]
    [InlineData("\u0301a@example.kz")]
    [InlineData("a.\u0301b@example.kz")]
    [InlineData("a+\u0301b@example.kz")]
    [InlineData("a😀@example.kz")]
    [InlineData("ａ@example.kz")]
    [InlineData("ﬁ@example.kz")]
    [InlineData("a²@example.kz")]
    [InlineData("a@example.kz.")]
    [InlineData("a@localhost")]
    [InlineData("a@1.2.3.4")]
    [InlineData("a@example.123")]
    [InlineData("a@-ex.kz")]
    [InlineData("a@ex-.kz")]
    [InlineData("a@ex_ample.kz")]
    [InlineData("a@ex..kz")]
    [InlineData("a@.example.kz")]
    [InlineData("a@xn--.kz")]
    [InlineData("a@ex ample.kz")]
    public void What_is_no_address_normalises_to_nothing(string? written)
    {
        Assert.Null(EmailAddress.Normalize(written));
        Assert.False(EmailAddress.IsValid(written));
    }

    [Fact]
    public void A_local_part_holds_at_most_64_bytes_a_label_63_letters_and_an_address_254_characters()
    {
        Assert.True(EmailAddress.IsValid(new string('a', 64) + "@example.kz"));
        Assert.False(EmailAddress.IsValid(new string('a', 65) + "@example.kz"));
        Assert.True(EmailAddress.IsValid(new string('ä', 32) + "@example.kz"));
        Assert.False(EmailAddress.IsValid(new string('ä', 33) + "@example.kz"));
        Assert.True(EmailAddress.IsValid("a@" + new string('b', 63) + ".kz"));
        Assert.False(EmailAddress.IsValid("a@" + new string('b', 64) + ".kz"));

        var domain = new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 61);
        Assert.Equal(254, EmailAddress.Normalize(new string('x', 64) + "@" + domain)!.Length);
        Assert.Equal(254, EmailAddress.MaxLength);
        Assert.Null(EmailAddress.Normalize(new string('x', 64) + "@" + domain + "c"));

        // The domain's limit of 253 characters counts its ASCII form: "bücher" is "xn--bcher-kva".
        var idn = "bücher." + string.Join('.', Enumerable.Repeat(new string('d', 63), 3)) + ".";
        Assert.Equal("a@" + idn + new string('e', 47), EmailAddress.Normalize("a@" + idn + new string('e', 47)));
        Assert.Null(EmailAddress.Normalize("a@" + idn + new string('e', 48)));
    }

    [Theory]
    [InlineData("Hall A", "Hall A")]
    [InlineData("  Hall \u00a0  A  ", "Hall A")]
    [InlineData("Hall\u3164A", "Hall A")]
    [InlineData("Hall\u2800\u2800A", "Hall A")]
    [InlineData("Hall A\uFE0F", "Hall A")]
    [InlineData("Ha\u200Bll\u00AD A", "Hall A")]
    [InlineData("Ha\U000110BDll", "Hall")]
    [InlineData("Hall 😀", "Hall 😀")]
    [InlineData("Ｈall A", "Ｈall A")]
    public void A_name_is_tidied_to_single_spaces_without_invisible_characters(string written, string tidy) =>
        Assert.Equal(tidy, NameKey.Tidy(written));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \t ")]
    [InlineData("\u3164\u200B")]
    public void A_name_of_nothing_visible_is_none(string? written)
    {
        Assert.Null(NameKey.Tidy(written));
        Assert.Null(NameKey.Of(written));
    }

    [Theory]
    [InlineData("Hall A", "hall a")]
    [InlineData("hall  a", "hall a")]
    [InlineData("Ｈall\u3000A", "hall a")]
    [InlineData("ﬁnal", "final")]
    [InlineData("ЗАЛ А\uFE0F", "зал а")]
    public void Spellings_of_one_name_share_one_key(string written, string key) => Assert.Equal(key, NameKey.Of(written));

    [Fact]
    public void A_name_that_cannot_be_normalised_keeps_its_lower_case_tidy_form() =>
        Assert.Equal("hall \ud800", NameKey.Of(" HALL \ud800"));

    [Fact]
    public void Blank_letters_tags_and_variation_selectors_are_the_listed_code_points()
    {
        foreach (var filler in new[] { 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800 })
            Assert.True(CodePoint.IsFiller(filler), $"U+{filler:X4}");
        foreach (var other in new[] { 'a', ' ', 0x1161, 0x2801, 0x3165 })
            Assert.False(CodePoint.IsFiller(other), $"U+{other:X4}");

        foreach (var tag in new[] { 0xE0000, 0xE0041, 0xE007F })
            Assert.True(CodePoint.IsTag(tag), $"U+{tag:X4}");
        foreach (var other in new[] { 0xDFFFF, 0xE0080, 'a' })
            Assert.False(CodePoint.IsTag(other), $"U+{other:X4}");

        foreach (var selector in new[] { 0xFE00, 0xFE07, 0xFE0F, 0xE0100, 0xE0150, 0xE01EF })
            Assert.True(CodePoint.IsVariationSelector(selector), $"U+{selector:X4}");
        foreach (var other in new[] { 0xFDFF, 0xFE10, 0xE00FF, 0xE01F0, 'a' })
            Assert.False(CodePoint.IsVariationSelector(other), $"U+{other:X4}");
    }

    [Fact]
    public void Format_characters_and_marks_are_read_from_the_unicode_category()
    {
        Assert.True(CodePoint.IsFormat(0x200B));
        Assert.True(CodePoint.IsFormat(0x110BD));
        Assert.False(CodePoint.IsFormat('a'));
        Assert.False(CodePoint.IsFormat(0x0301));
        Assert.True(CodePoint.IsMark(0x0301));  // non-spacing
        Assert.True(CodePoint.IsMark(0x0903));  // spacing combining
        Assert.True(CodePoint.IsMark(0x20DD));  // enclosing
        Assert.False(CodePoint.IsMark('a'));
        Assert.False(CodePoint.IsMark(0x200B));
        Assert.Equal(UnicodeCategory.LowercaseLetter, CodePoint.CategoryOf('a'));
        Assert.Equal(UnicodeCategory.OtherSymbol, CodePoint.CategoryOf(0x1F600));
        Assert.Equal(UnicodeCategory.Surrogate, CodePoint.CategoryOf(0xD800));
    }

    [Fact]
    public void Spaces_ignorables_fillers_format_characters_and_marks_are_invisible()
    {
        foreach (var invisible in new[] { ' ', 0x2003, 0x00AD, 0x3164, 0x2800, 0x110BD, 0x0301, 0x0903 })
            Assert.True(CodePoint.IsInvisible(invisible), $"U+{invisible:X4}");
        foreach (var visible in new[] { 'a', '1', 0x1F600, 0xD800 })
            Assert.False(CodePoint.IsInvisible(visible), $"U+{visible:X4}");
    }

    [Fact]
    public void A_pair_of_surrogates_is_one_code_point_and_a_lone_one_is_itself()
    {
        Assert.Equal(('a', 1), CodePoint.At("a😀b", 0));
        Assert.Equal((0x1F600, 2), CodePoint.At("a😀b", 1));
        Assert.Equal((0x1F600, 2), CodePoint.At("😀", 0));
        Assert.Equal((0xDE00, 1), CodePoint.At("😀", 1));
        Assert.Equal((0xD83D, 1), CodePoint.At("a\ud83d", 1));
        Assert.Equal((0xD83D, 1), CodePoint.At("\ud83da", 0));
        Assert.Equal((0xDE00, 1), CodePoint.At("\ude00\ud83d", 0));
    }
}
