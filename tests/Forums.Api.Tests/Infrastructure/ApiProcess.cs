using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>The built API as its own process on a free loopback port, for what an in-memory host cannot show: crashes and shutdowns.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process process;

    private ApiProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }
    public bool HasExited => process.HasExited;

    /// <summary>The most memory the process has held so far (Linux: VmHWM, the peak resident set).</summary>
    public long PeakResidentBytes =>
        File.ReadLines($"/proc/{process.Id}/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024).Single();
    public int ExitCode => process.ExitCode;

    public static async Task<ApiProcess> StartAsync(string dataFolder)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Forums.Api.dll"), $"--urls={baseUrl}", $"--Database:DataFolder={dataFolder}",
                "--Seed:Enabled=false", "--RateLimiting:Enabled=false", $"--Auth:AdminToken={ForumsApiFactory.AdminToken}",
            },
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Testing" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync($"{baseUrl}/health/ready")).StatusCode == HttpStatusCode.OK)
                    return new ApiProcess(process, baseUrl);
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        process.Kill(true);
        throw new InvalidOperationException("The API process did not become ready within 30 s.");
    }

    public HttpClient AdminClient() => new()
    {
        BaseAddress = new Uri(BaseUrl),
        Timeout = TimeSpan.FromMinutes(2),
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ForumsApiFactory.AdminToken) },
    };

    /// <summary>SIGKILL: the process dies where it stands, as in a power cut.</summary>
    public void Crash() => process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM: the host is asked to stop, as an orchestrator does.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", process.Id.ToString()])!.WaitForExit();

    public Task WaitForExitAsync(CancellationToken ct) => process.WaitForExitAsync(ct);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
