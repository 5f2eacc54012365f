using Forums.Api.Auth;
using Forums.Api.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Forums.Api.Tests.Auth;

/// <summary>
/// The configured admin token's start-up rules, in process (StartupConfigurationTests starts the real API for the same
/// messages; these run in the mutation tests, which leave process tests out).
/// </summary>
public sealed class BootstrapAdminTokenTests
{
    private const string Secret = "fat_a-production-secret-of-32-chars";

    [Theory]
    [InlineData(null, "Auth:AdminToken is not set")]
    [InlineData("  \n", "Auth:AdminToken is not set")]
    [InlineData(BootstrapAdminToken.DevelopmentToken, "development-only token")]
    [InlineData(" FAT_DEVELOPMENT-ONLY-ADMIN-TOKEN-NEVER-USE-IN-PRODUCTION\n", "development-only token")]
    [InlineData("fat_31-characters-are-too-short", "must be at least 32 characters long")]
    [InlineData("fat_a-production-secret with a space", "may hold only letters")]
    [InlineData("fat_a-production-secret-of-32-chars=x", "may hold only letters")]
    public void Outside_development_a_missing_public_short_or_unsendable_token_stops_start_up(string? token, string message)
    {
        var refused = Assert.Throws<StartupConfigurationException>(() => Build(token, Environments.Production));

        Assert.Contains(message, refused.Message);
    }

    [Fact]
    public void Development_may_run_without_a_token_and_then_no_hash_matches()
    {
        var none = Build(null, Environments.Development);

        Assert.False(none.Matches(TokenSecrets.Hash("")));
        Assert.False(none.Matches(TokenSecrets.Hash(BootstrapAdminToken.DevelopmentToken)));
    }

    [Fact]
    public void Development_accepts_the_development_token()
    {
        var development = Build(BootstrapAdminToken.DevelopmentToken, Environments.Development);

        Assert.True(development.Matches(TokenSecrets.Hash(BootstrapAdminToken.DevelopmentToken)));
    }

    [Theory]
    [InlineData(Secret)]
    [InlineData("  " + Secret + "\r\n")]
    [InlineData("fat_exactly-32-characters-long-x")]
    [InlineData("fat_padded-base64-token-of-32-chars==")]
    public void A_token_of_its_own_matches_its_trimmed_hash_and_nothing_else(string token)
    {
        var trimmed = token.Trim();

        var bootstrap = Build(token, Environments.Production);

        Assert.True(bootstrap.Matches(TokenSecrets.Hash(trimmed)));
        Assert.False(bootstrap.Matches(TokenSecrets.Hash(token + "x")));
        Assert.False(bootstrap.Matches(TokenSecrets.Hash(trimmed[..^1])));
    }

    private static BootstrapAdminToken Build(string? token, string environment) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:AdminToken"] = token }).Build(),
            new Environment(environment));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Forums.Api";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
