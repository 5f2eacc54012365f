using System.Security.Cryptography;

namespace Forums.Api.Domain;

/// <summary>
/// Accreditation codes: 16 characters of Crockford's base32 (80 random bits; no I, L, O or U to misread at the
/// door), in four groups, e.g. "K7QM-3XZP-9R2T-H4WD".
/// </summary>
public static class AccreditationCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> code = stackalloc char[19];
        var position = 0;
        for (var i = 0; i < 16; i++)
        {
            if (i > 0 && i % 4 == 0)
                code[position++] = '-';
            code[position++] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(code);
    }
}
