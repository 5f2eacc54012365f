namespace Forums.Api.Domain;

/// <summary>
/// What text people read may carry. It ends up on badges, in CSV files, calendars and door screens, where a control
/// character, a bidi override (U+202E turns "Admin\u202Egnp.exe" into "Adminexe.png") or a noncharacter misleads
/// or breaks the reader. Tag characters (U+E0000..U+E007F) are refused too: they spell ASCII no reader sees but a
/// program does (hidden instructions); the cost is the subdivision flags (England, Scotland, Wales) that use them.
/// </summary>
public static class ReadableText
{
    /// <summary>Why the text cannot be shown as it is, naming the first offending character and its position; null when it can.</summary>
    /// <param name="multiLine">Long texts (descriptions, biographies) may keep line breaks and tabs; one-line texts may not.</param>
    public static string? FindUnsafe(string text, bool multiLine = false)
    {
        var visible = false;
        var previous = -1;
        for (var i = 0; i < text.Length; i += CodePoint.At(text, i).Length)
        {
            var c = text[i];
            if (c is > ' ' and < '\u007f')
            {
                visible = true;
                previous = c;
                continue;
            }
            var (codePoint, _) = CodePoint.At(text, i);
            var after = previous;
            previous = codePoint;
            visible |= !CodePoint.IsInvisible(codePoint);
            var what = codePoint switch
            {
                >= 0xD800 and <= 0xDFFF => "a lone surrogate",
                '\n' or '\r' or '\t' when multiLine => null,
                '\n' or '\r' => "a line break (this text is one line)",
                < ' ' or (>= '\u007f' and <= '\u009f') => "a control character",
                (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') => "a bidirectional override or isolate",
                '\u2028' or '\u2029' => "a line or paragraph separator",
                _ when IsNoncharacter(codePoint) => "a noncharacter",
                _ when CodePoint.IsTag(codePoint) => "a tag character",
                >= 0xE0080 and <= 0xE0FFF and not (>= 0xE0100 and <= 0xE01EF) => "an unassigned invisible character",
                // One selector picks a glyph; a run of them (or one on nothing) is a way to hide bytes in text.
                _ when CodePoint.IsVariationSelector(codePoint) && (after < 0 || CodePoint.IsVariationSelector(after))
                    => "a variation selector not after a character",
                _ => null,
            };
            if (what is not null)
                return Describe(what, codePoint, i);
        }
        // Invisible characters alone (U+200B, U+FEFF, a Hangul filler, a lone accent) show nothing; spaces alone are left to each field's rule (blank or none).
        return visible || text.All(char.IsWhiteSpace) ? null : "only invisible characters";
    }

    // Unicode §23.7: U+FDD0..U+FDEF and the last two code points of every plane.
    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;

    private static string Describe(string what, int codePoint, int index) => $"{what} (U+{codePoint:X4}) at character {index + 1}";
}
