using System.Globalization;
using System.Text;

namespace Forums.Api.Domain;

/// <summary>
/// E-mail addresses: one place that says what an address is and how two are compared. An address is a practical
/// RFC 5321/5322 addr-spec: a dot-atom local part (RFC 6531 lets it hold letters of any script) and a domain of
/// LDH labels or their international form (IDNA), at most 254 characters in all.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;
    private const int MaxLocalPartBytes = 64;
    private const int MaxDomainLength = 253;
    private const string AsciiSpecials = "!#$%&'*+-/=?^_`{|}~";

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true, AllowUnassigned = false };

    /// <summary>
    /// The form an address is stored and compared in: trimmed, NFC, lower case, the domain in its Unicode form
    /// (so "BÜCHER.example" and "xn--bcher-kva.example" are one domain); null when it is not a valid address, which
    /// includes a local part with invisible characters or compatibility forms (full-width letters).
    /// </summary>
    public static string? Normalize(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;
        var trimmed = email.Trim();
        if (trimmed.Length > 4 * MaxLength || ReadableText.FindUnsafe(trimmed) is not null)
            return null;
        var text = trimmed.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@'))
            return null;
        var local = text[..at];
        if (!IsDotAtom(local) || HasCompatibilityForm(local) || Encoding.UTF8.GetByteCount(local) > MaxLocalPartBytes || Domain(text[(at + 1)..]) is not { } domain)
            return null;
        var normalized = $"{local}@{domain}";
        return normalized.Length <= MaxLength ? normalized : null;
    }

    public static bool IsValid(string? email) => Normalize(email) is not null;

    // RFC 5322 §3.2.3 dot-atom: atext runs joined by single dots; RFC 6531 §3.3 adds non-ASCII, of which letters,
    // digits and the marks that sit on them are what real mailboxes use. Read by code point: a tag character or a
    // variation selector outside the BMP must not pass as "a surrogate". A mark NFC left on no letter (at the start of
    // an atom, after a dot or a '+') is a second spelling that looks like the first.
    private static bool IsDotAtom(string local) => local.Split('.').All(atom =>
    {
        var afterLetter = false;
        for (var i = 0; i < atom.Length;)
        {
            var (codePoint, length) = CodePoint.At(atom, i);
            i += length;
            if (codePoint < 0x80)
            {
                if (!char.IsAsciiLetterOrDigit((char)codePoint) && !AsciiSpecials.Contains((char)codePoint))
                    return false;
                afterLetter = char.IsAsciiLetterOrDigit((char)codePoint);
            }
            else if (CodePoint.IsDefaultIgnorable(codePoint) || CodePoint.IsFormat(codePoint) || CodePoint.IsFiller(codePoint))
                return false;
            else if (CodePoint.IsMark(codePoint))
            {
                if (!afterLetter)
                    return false;
            }
            else if (Rune.IsValid(codePoint) && Rune.IsLetterOrDigit(new Rune(codePoint)))
                afterLetter = true;
            else
                return false;
        }
        return atom.Length > 0;
    });

    // Compatibility forms (full-width "ａ", ligature "ﬁ", superscript "²") read as their plain letters, so "ａ@example.kz"
    // and "a@example.kz" would be two registrations of one person. Folding them (NFKC) would store and mail another
    // mailbox than the one written, so they are refused and the person types the plain letters.
    private static bool HasCompatibilityForm(string local) => !local.IsNormalized(NormalizationForm.FormKC);

    /// <summary>The domain in Unicode form when it is two or more LDH labels (after IDNA), the last not all digits; else null.</summary>
    private static string? Domain(string domain)
    {
        if (domain.Length == 0 || domain.EndsWith('.'))
            return null;
        var plain = Ascii.IsValid(domain) && !domain.Contains("xn--", StringComparison.Ordinal);
        string ascii;
        try
        {
            ascii = plain ? domain : Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var labels = ascii.Split('.');
        if (ascii.Length > MaxDomainLength || labels.Length < 2 || labels[^1].All(char.IsAsciiDigit))
            return null;
        foreach (var label in labels)
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                return null;
        return plain ? ascii : Idn.GetUnicode(ascii).ToLowerInvariant();
    }
}
