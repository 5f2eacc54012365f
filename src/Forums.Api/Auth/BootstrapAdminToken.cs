using System.Security.Cryptography;
using System.Text;
using Forums.Api.Persistence;

namespace Forums.Api.Auth;

/// <summary>
/// The admin token from configuration (Auth:AdminToken): how the first admin gets in, to create the other
/// tokens. It is revoked by removing it from configuration. Only its hash is held in memory.
/// </summary>
public sealed class BootstrapAdminToken
{
    /// <summary>DEVELOPMENT ONLY: the token appsettings.Development.json, api.http and the README use. Refused outside Development.</summary>
    public const string DevelopmentToken = "fat_DEVELOPMENT-ONLY-admin-token-never-use-in-production";
    public const int MinLength = 32;

    private readonly byte[]? hash;

    public BootstrapAdminToken(IConfiguration configuration, IHostEnvironment environment)
    {
        var token = configuration["Auth:AdminToken"];
        var isDevelopment = environment.IsDevelopment();
        if (string.IsNullOrWhiteSpace(token))
        {
            if (!isDevelopment)
                throw new StartupConfigurationException(
                    "Auth:AdminToken is not set. Set it to a secret of at least 32 characters (environment variable Auth__AdminToken).");
            return;
        }
        if (!isDevelopment && token == DevelopmentToken)
            throw new StartupConfigurationException(
                $"Auth:AdminToken is the development-only token, which is public; set a secret of your own in the {environment.EnvironmentName} environment.");
        if (token.Length < MinLength)
            throw new StartupConfigurationException($"Auth:AdminToken must be at least {MinLength} characters long.");
        hash = Encoding.ASCII.GetBytes(TokenSecrets.Hash(token));
    }

    public bool Matches(string tokenHash) =>
        hash is not null && CryptographicOperations.FixedTimeEquals(hash, Encoding.ASCII.GetBytes(tokenHash));
}
