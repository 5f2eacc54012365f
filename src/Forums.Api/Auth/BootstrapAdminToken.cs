using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Forums.Api.Hosting;
using Forums.Api.Persistence;

namespace Forums.Api.Auth;

/// <summary>
/// The admin token from configuration (Auth:AdminToken): how the first admin gets in, to create the other
/// tokens. It is revoked by removing it from configuration. Only its hash is held in memory.
/// </summary>
public sealed partial class BootstrapAdminToken
{
    /// <summary>DEVELOPMENT ONLY: the token appsettings.Development.json, api.http and the README use. Refused outside Development.</summary>
    public const string DevelopmentToken = "fat_DEVELOPMENT-ONLY-admin-token-never-use-in-production";
    public const int MinLength = 32;

    // RFC 6750 §2.1 b64token: what a client can send after "Bearer ". A token with other characters could never authenticate.
    [GeneratedRegex("^[A-Za-z0-9._~+/-]+=*$")]
    private static partial Regex BearerToken();

    private readonly byte[]? hash;

    public BootstrapAdminToken(IConfiguration configuration, IHostEnvironment environment)
    {
        // Trimmed as the Authorization header is: a secret file's trailing newline must not make a token that cannot match.
        var token = Settings.Text(configuration, "Auth:AdminToken");
        var isDevelopment = environment.IsDevelopment();
        if (token is null)
        {
            if (!isDevelopment)
                throw new StartupConfigurationException(
                    "Auth:AdminToken is not set. Set it to a secret of at least 32 characters (environment variable Auth__AdminToken).");
            return;
        }
        if (!isDevelopment && string.Equals(token, DevelopmentToken, StringComparison.OrdinalIgnoreCase))
            throw new StartupConfigurationException(
                $"Auth:AdminToken is the development-only token, which is public; set a secret of your own in the {environment.EnvironmentName} environment.");
        if (token.Length < MinLength)
            throw new StartupConfigurationException($"Auth:AdminToken must be at least {MinLength} characters long.");
        if (!BearerToken().IsMatch(token))
            throw new StartupConfigurationException(
                "Auth:AdminToken may hold only letters, digits and - . _ ~ + / (then = at the end), the characters a bearer token can carry (RFC 6750).");
        hash = Encoding.ASCII.GetBytes(TokenSecrets.Hash(token));
    }

    public bool Matches(string tokenHash) =>
        hash is not null && CryptographicOperations.FixedTimeEquals(hash, Encoding.ASCII.GetBytes(tokenHash));
}
