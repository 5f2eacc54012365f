using System.Text;

namespace Forums.Api.Domain;

/// <summary>
/// A room is named by people typing: "Hall A", "hall a", "Hall  A" and "Hall\u00a0A" are one room. The name is kept
/// as written but tidied; rooms are compared by their key.
/// </summary>
public static class RoomName
{
    public const int MaxLength = 100;
    /// <summary>The key can be longer than the name: compatibility forms expand (U+FDFA is 18 letters).</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The name as written, with each run of spaces of any kind (blank letters included) as one space, invisible characters gone and the ends trimmed; null when nothing is left.</summary>
    public static string? Tidy(string? room)
    {
        if (room is null)
            return null;
        var tidy = new StringBuilder(room.Length);
        for (var i = 0; i < room.Length;)
        {
            var (codePoint, length) = CodePoint.At(room, i);
            if (char.IsWhiteSpace(room[i]) || CodePoint.IsFiller(codePoint))
            {
                if (tidy.Length > 0 && tidy[^1] != ' ')
                    tidy.Append(' ');
            }
            else if (!IsInvisible(codePoint))
                tidy.Append(room, i, length);
            i += length;
        }
        var text = tidy.ToString().TrimEnd();
        return text.Length > 0 ? text : null;
    }

    /// <summary>What two spellings of one room share: the tidied name in compatibility form (NFKC: full-width letters, ligatures), lower case.</summary>
    public static string? Key(string? room)
    {
        if (Tidy(room) is not { } tidy)
            return null;
        try
        {
            return Tidy(tidy.Normalize(NormalizationForm.FormKC))?.ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; the text rules refuse it before it gets here.
            return tidy.ToLowerInvariant();
        }
    }

    // Zero-width, format and other default-ignorable characters (U+200B, U+FEFF, soft hyphen, bidi marks, variation
    // selectors, U+1D173): invisible in a room's name, so "Hall A\uFE0F" is "Hall A".
    private static bool IsInvisible(int codePoint) => CodePoint.IsDefaultIgnorable(codePoint) || CodePoint.IsFormat(codePoint);
}
