using System.Text;

namespace Forums.Api.Domain;

/// <summary>
/// Names people type and the API matches (a room, a delegation named in an import): "Hall A", "hall a", "Hall  A",
/// "Hall\u00a0A", "Hall A\uFE0F" and full-width "Ｈall A" are one name.
/// </summary>
public static class NameKey
{
    /// <summary>The name as written, with each run of spaces of any kind (blank letters included) as one space, invisible characters gone and the ends trimmed; null when nothing is left.</summary>
    public static string? Tidy(string? name)
    {
        if (name is null)
            return null;
        var tidy = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length;)
        {
            var (codePoint, length) = CodePoint.At(name, i);
            if (char.IsWhiteSpace(name[i]) || CodePoint.IsFiller(codePoint))
            {
                if (tidy.Length > 0 && tidy[^1] != ' ')
                    tidy.Append(' ');
            }
            else if (!IsInvisible(codePoint))
                tidy.Append(name, i, length);
            i += length;
        }
        var text = tidy.ToString().TrimEnd();
        return text.Length > 0 ? text : null;
    }

    /// <summary>What two spellings of one name share: the tidied name in compatibility form (NFKC: full-width letters, ligatures), lower case.</summary>
    public static string? Of(string? name)
    {
        if (Tidy(name) is not { } tidy)
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
    // selectors, U+1D173): invisible in a name, so "Hall A\uFE0F" is "Hall A".
    private static bool IsInvisible(int codePoint) => CodePoint.IsDefaultIgnorable(codePoint) || CodePoint.IsFormat(codePoint);
}
