using System.Diagnostics;

namespace Forums.Api.Tests;

/// <summary>Runs the built API as a process, as an operator would, with configurations that cannot work.</summary>
public sealed class StartupConfigurationTests
{
    [Theory]
    [InlineData("--Database:Provider=Oracle", "Database:Provider 'Oracle' is not supported")]
    [InlineData("--Database:Provider=SqlServer", "ConnectionStrings:SqlServer is not set")]
    public async Task A_configuration_that_cannot_work_stops_start_up_with_one_clear_message(string setting, string message)
    {
        var folder = Path.Combine(Path.GetTempPath(), "forums-api-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Forums.Api.dll"), setting, $"--Database:DataFolder={folder}", "--urls=http://127.0.0.1:0" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["ConnectionStrings__SqlServer"] = null },
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
}
