using System.Diagnostics;
using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests;

/// <summary>Runs the built API as a process in Production, as an operator would, with configurations that cannot work.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("--Database:Provider=Oracle", "Database:Provider 'Oracle' is not supported")]
    [InlineData("--Database:Provider=SqlServer", "ConnectionStrings:SqlServer is not set")]
    [InlineData("--Database:Provider=Sqlite", "Auth:AdminToken is not set")]
    [InlineData("--Auth:AdminToken=" + Forums.Api.Auth.BootstrapAdminToken.DevelopmentToken, "Auth:AdminToken is the development-only token")]
    [InlineData("--Auth:AdminToken=short", "Auth:AdminToken must be at least 32 characters long")]
    [InlineData("--Cors:AllowedOrigins:0=https://app.example.org/", "Cors:AllowedOrigins: 'https://app.example.org/' is not an origin")]
    // Trimmed first, then checked: a secret file's newline or padding does not get a weak or public token past the checks.
    [InlineData("--Auth:AdminToken=" + Forums.Api.Auth.BootstrapAdminToken.DevelopmentToken + "\n", "Auth:AdminToken is the development-only token")]
    [InlineData("--Auth:AdminToken=  " + Forums.Api.Auth.BootstrapAdminToken.DevelopmentToken + " ", "Auth:AdminToken is the development-only token")]
    [InlineData("--Auth:AdminToken=short                                  \n", "Auth:AdminToken must be at least 32 characters long")]
    [InlineData("--Auth:AdminToken=fat_a-production-secret with a space inside", "Auth:AdminToken may hold only")]
    [InlineData("--Database:Provider= SqlServer\n", "ConnectionStrings:SqlServer is not set")]
    [InlineData("--Limits:RequestTimeoutSeconds=thirty", "Limits:RequestTimeoutSeconds must be a number from 0.01 to 3600")]
    [InlineData("--Limits:MaxRequestBodyBytes=-1", "Limits:MaxRequestBodyBytes must be a number from 1 to")]
    [InlineData("--RateLimiting:AnonymousPermitsPerMinute=0", "RateLimiting:AnonymousPermitsPerMinute must be a number from 1 to 1000000")]
    [InlineData("--RateLimiting:Enabled=yes", "RateLimiting:Enabled must be true or false")]
    [InlineData("--Auth:TokenCacheSeconds=one", "Auth:TokenCacheSeconds must be a number from 0 to 3600")]
    [InlineData("--Database:BusyTimeoutSeconds=5s", "Database:BusyTimeoutSeconds must be a number from 0 to 600")]
    [InlineData("--Seed:Enabled=1", "Seed:Enabled must be true or false")]
    [InlineData("--OpenApi:Enabled=on", "OpenApi:Enabled must be true or false")]
    [InlineData("--Api:PublicBaseUrl=forum.example.org", "Api:PublicBaseUrl must be an absolute http or https URL")]
    [InlineData("--ForwardedHeaders:KnownProxies=10.0.0.300", "ForwardedHeaders:KnownProxies: '10.0.0.300' is not an IP address")]
    [InlineData("--ForwardedHeaders:KnownNetworks=10.0.0.0", "ForwardedHeaders:KnownNetworks: '10.0.0.0' is not a network")]
    public async Task A_configuration_that_cannot_work_stops_start_up_with_one_clear_message(string setting, string message)
    {
        var folder = Path.Combine(Path.GetTempPath(), "forums-api-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Forums.Api.dll"), setting, $"--Database:DataFolder={folder}", "--urls=http://127.0.0.1:0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__SqlServer"] = null, ["Auth__AdminToken"] = null },
        };
        if (!setting.StartsWith("--Auth:AdminToken=", StringComparison.Ordinal) && !message.Contains("AdminToken"))
            start.Environment["Auth__AdminToken"] = "fat_a-production-secret-of-forty-characters";

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }

        Assert.Equal(1, process.ExitCode);
        var error = await stderr;
        Assert.Contains(message, error);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", error + await stdout);
    }

    [Fact]
    public async Task Production_starts_with_an_admin_token_of_its_own()
    {
        var folder = Path.Combine(Path.GetTempPath(), "forums-api-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Forums.Api.dll"), $"--Database:DataFolder={folder}", "--urls=http://127.0.0.1:0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Auth__AdminToken"] = "fat_a-production-secret-of-forty-characters" },
        };

        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? line;
            do
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            while (line is not null && !line.Contains("Now listening on"));

            Assert.NotNull(line);
            Assert.False(process.HasExited);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task An_admin_token_set_with_surrounding_whitespace_authenticates_as_the_token_itself()
    {
        using var api = new ForumsApiFactory(null, seed: false, new Dictionary<string, string?> { ["Auth:AdminToken"] = $"  {ForumsApiFactory.AdminToken}\r\n" });

        var tokens = await (await api.CreateAdminClient().GetAsync("/api/tokens")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.NotNull(tokens["items"]);
    }
}
