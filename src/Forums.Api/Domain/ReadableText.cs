using System.Globalization;

namespace Forums.Api.Domain;

/// <summary>
/// What text people read may carry. It ends up on badges, in CSV files, calendars and door screens, where a control
/// character, a bidi override (U+202E turns "Admin\u202Egnp.exe" into "Adminexe.png") or a noncharacter misleads
/// or breaks the reader.
/// </summary>
public static class ReadableText
{
    /// <summary>Why the text cannot be shown as it is, naming the first offending character and its position; null when it can.</summary>
    /// <param name="multiLine">Long texts (descriptions, biographies) may keep line breaks and tabs; one-line texts may not.</param>
    public static string? FindUnsafe(string text, bool multiLine = false)
    {
        var visible = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is > ' ' and < '\u007f')
            {
                visible = true;
                continue;
            }
            visible |= !char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (IsNoncharacter(codePoint))
                    return Describe("a noncharacter", codePoint, i);
                i++;
                continue;
            }
            var what = c switch
            {
                _ when char.IsSurrogate(c) => "a lone surrogate",
                '\n' or '\r' or '\t' when multiLine => null,
                '\n' or '\r' => "a line break (this text is one line)",
                < ' ' or (>= '\u007f' and <= '\u009f') => "a control character",
                (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') => "a bidirectional override or isolate",
                '\u2028' or '\u2029' => "a line or paragraph separator",
                _ when IsNoncharacter(c) => "a noncharacter",
                _ => null,
            };
            if (what is not null)
                return Describe(what, c, i);
        }
        // Zero-width characters alone (U+200B, U+2060, U+FEFF) show nothing; spaces alone are left to each field's rule (blank or none).
        return visible || text.All(char.IsWhiteSpace) ? null : "only invisible characters";
    }

    // Unicode §23.7: U+FDD0..U+FDEF and the last two code points of every plane.
    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static string Describe(string what, int codePoint, int index) => $"{what} (U+{codePoint:X4}) at character {index + 1}";
}
