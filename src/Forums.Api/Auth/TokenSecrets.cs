using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Forums.Api.Auth;

/// <summary>
/// Tokens are 32 random bytes, so a plain SHA-256 is enough to store them safely (a slow password hash
/// guards guessable secrets; these are not guessable) and lets a request find its token by one indexed lookup.
/// </summary>
public static class TokenSecrets
{
    public const string Scheme = "fat_";
    public const int PrefixLength = 12;

    public static string NewToken() => Scheme + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string PrefixOf(string token) => token[..Math.Min(PrefixLength, token.Length)];
}
