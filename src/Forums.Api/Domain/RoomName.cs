using System.Globalization;
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

    /// <summary>The name as written, with each run of spaces of any kind as one space, invisible characters gone and the ends trimmed; null when nothing is left.</summary>
    public static string? Tidy(string? room)
    {
        if (room is null)
            return null;
        var tidy = new StringBuilder(room.Length);
        foreach (var c in room)
        {
            if (char.IsWhiteSpace(c))
            {
                if (tidy.Length > 0 && tidy[^1] != ' ')
                    tidy.Append(' ');
            }
            else if (!IsInvisible(c))
                tidy.Append(c);
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

    // Zero-width and other format characters (U+200B, U+200D, U+2060, U+FEFF, soft hyphen, bidi marks): invisible in a room's name.
    private static bool IsInvisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
