using System.Diagnostics;

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

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

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
}
