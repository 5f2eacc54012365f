using System.Globalization;
using System.Text;

namespace Forums.Api.Domain;

/// <summary>
/// What a code point looks like to a reader, for the rules on text people read, e-mails and room names. Text is read by
/// code point, never by UTF-16 unit: a tag character (U+E0041) is two surrogates, each of which hides what it is.
/// </summary>
public static class CodePoint
{
    // Unicode DerivedCoreProperties.txt, Default_Ignorable_Code_Point: drawn as nothing unless a renderer has a use for them.
    private static readonly (int First, int Last)[] DefaultIgnorable =
    [
        (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F),
        (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
        (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
    ];

    public static bool IsDefaultIgnorable(int codePoint)
    {
        foreach (var (first, last) in DefaultIgnorable)
            if (codePoint <= last)
                return codePoint >= first;
        return false;
    }

    /// <summary>Letters and symbols drawn as a blank (Hangul fillers, the braille blank): favourites for a name that shows nothing.</summary>
    public static bool IsFiller(int codePoint) => codePoint is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    /// <summary>Tag characters (U+E0000..U+E007F) spell invisible ASCII: text hidden from the reader but not from a program.</summary>
    public static bool IsTag(int codePoint) => codePoint is >= 0xE0000 and <= 0xE007F;

    public static bool IsVariationSelector(int codePoint) => codePoint is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF);

    /// <summary>Format characters (Cf) of any plane: invisible controls of layout, such as U+110BD or U+1D173.</summary>
    public static bool IsFormat(int codePoint) => CategoryOf(codePoint) == UnicodeCategory.Format;

    public static bool IsMark(int codePoint) => CategoryOf(codePoint) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Shows nothing on its own: spaces, ignorables, format characters, fillers and combining marks.</summary>
    public static bool IsInvisible(int codePoint) => IsDefaultIgnorable(codePoint) || IsFiller(codePoint) || IsFormat(codePoint)
        || IsMark(codePoint) || (Rune.IsValid(codePoint) && Rune.IsWhiteSpace(new Rune(codePoint)));

    public static UnicodeCategory CategoryOf(int codePoint) =>
        Rune.IsValid(codePoint) ? Rune.GetUnicodeCategory(new Rune(codePoint)) : UnicodeCategory.Surrogate;

    /// <summary>The code point at <paramref name="index"/> (a pair of surrogates read as one) and how many UTF-16 units it takes; a lone surrogate is itself.</summary>
    public static (int CodePoint, int Length) At(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? (char.ConvertToUtf32(text[index], text[index + 1]), 2)
            : (text[index], 1);
}
