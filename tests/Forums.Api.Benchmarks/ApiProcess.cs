using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Forums.Api.Benchmarks;

/// <summary>The built API as its own process on a free loopback port, with a fresh SQLite folder.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    /// <summary>A fresh admin secret per run: the API runs as Production, which refuses the development token.</summary>
    public static readonly string AdminToken = Forums.Api.Auth.TokenSecrets.NewToken();

    private readonly Process process;
    private readonly bool ownsFolder;

    private ApiProcess(Process process, string baseUrl, string dataFolder, bool ownsFolder)
    {
        this.process = process;
        BaseUrl = baseUrl;
        DataFolder = dataFolder;
        this.ownsFolder = ownsFolder;
    }

    public string BaseUrl { get; }
    public string DataFolder { get; }

    /// <summary>
    /// Starts the API built beside the benchmark, or the one in <paramref name="build"/> (another commit's build output),
    /// over a fresh data folder or over <paramref name="sharedFolder"/>, which the process that created it deletes.
    /// </summary>
    public static async Task<ApiProcess> StartAsync(string? build = null, string? sharedFolder = null)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dataFolder = sharedFolder ?? Directory.CreateTempSubdirectory("forum-api-bench-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(build ?? AppContext.BaseDirectory, "Forums.Api.dll"), $"--urls={baseUrl}", $"--Database:DataFolder={dataFolder}",
                "--Seed:Enabled=false", "--Logging:LogLevel:Default=Warning", $"--Auth:AdminToken={AdminToken}", "--RateLimiting:Enabled=false",
            },
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        for (var i = 0; i < 120; i++)
        {
            try
            {
                if ((await http.GetAsync($"{baseUrl}/api/forums?limit=1")).StatusCode == HttpStatusCode.OK)
                    return new ApiProcess(process, baseUrl, dataFolder, ownsFolder: sharedFolder is null);
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        process.Kill(true);
        throw new InvalidOperationException("The API did not start within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The resident set of the API process now (Linux VmRSS).</summary>
    public long WorkingSetMegabytes() => Status("VmRSS:");

    /// <summary>The peak resident set of the API process so far (Linux VmHWM).</summary>
    public long PeakWorkingSetMegabytes() => Status("VmHWM:");

    private long Status(string field) =>
        File.ReadLines($"/proc/{process.Id}/status").Where(l => l.StartsWith(field))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!ownsFolder)
            return;
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
