using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Forums.Api.Benchmarks;

/// <summary>
/// The API's hot reads against the limit, side by side in one run: wrk on loopback drives the API (Release) and the
/// baseline (plain Microsoft.Data.Sqlite + Utf8JsonWriter) over the same SQLite file, a forum of 100,000 delegates in
/// 200 delegations. Prints requests/s, p50 and p99 for each, their ratio, and the API's peak working set.
/// </summary>
internal static partial class HttpBenchmark
{
    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Errors();

    private sealed record Scenario(string Name, string ApiPath, string? BaselinePath, bool Organiser);

    public static async Task RunAsync(int delegates, int seconds)
    {
        await using var api = await ApiProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiProcess.AdminToken);

        var clock = Stopwatch.StartNew();
        var forum = await SeedAsync(http, delegates);
        Console.WriteLine($"Seeded {delegates:N0} delegates in 200 delegations in {clock.Elapsed.TotalSeconds:N0} s.");

        var file = Path.Combine(api.DataFolder, "forums.db");
        var (delegateId, deepKey) = Probe(file, forum, Math.Min(90_000, delegates - 20));
        var deepCursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(deepKey));
        var scenarios = new[]
        {
            new Scenario("public GET forum", $"/api/forums/{forum}", $"/forums/{forum}", false),
            new Scenario("organiser GET delegate", $"/api/forums/{forum}/delegates/{delegateId}", $"/forums/{forum}/delegates/{delegateId}", true),
            new Scenario("delegate list, first page", $"/api/forums/{forum}/delegates", $"/forums/{forum}/delegates", true),
            new Scenario("delegate list, 90,000 deep", $"/api/forums/{forum}/delegates?cursor={deepCursor}", $"/forums/{forum}/delegates?after={Uri.EscapeDataString(deepKey)}", true),
            new Scenario("confirmed list, first page", $"/api/forums/{forum}/delegates?status=confirmed", $"/forums/{forum}/delegates?status=Confirmed", true),
            new Scenario("confirmed list, 90,000 deep", $"/api/forums/{forum}/delegates?status=confirmed&cursor={deepCursor}", $"/forums/{forum}/delegates?status=Confirmed&after={Uri.EscapeDataString(deepKey)}", true),
            new Scenario("delegate search by name", $"/api/forums/{forum}/delegates?q=delegate%2042", null, true),
            new Scenario("public agenda", $"/api/forums/{forum}/agenda", null, false),
        };

        await using var baseline = await BaselineProcess.StartAsync(file);
        Console.WriteLine($"wrk -t2 -c32 -d{seconds}s per scenario, API first then baseline.");
        Console.WriteLine();
        Console.WriteLine("| scenario                      | API req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | ratio |");
        Console.WriteLine("|-------------------------------|----------:|-------:|-------:|---------------:|-------:|-------:|------:|");
        foreach (var scenario in scenarios)
        {
            var mine = Wrk(api.BaseUrl + scenario.ApiPath, seconds, scenario.Organiser ? ApiProcess.AdminToken : null);
            var limit = scenario.BaselinePath is null ? null : Wrk(baseline.BaseUrl + scenario.BaselinePath, seconds, null);
            Console.WriteLine($"| {scenario.Name,-29} | {mine.Rps,9:N0} | {mine.P50,6:N2} | {mine.P99,6:N2} | " +
                              (limit is null ? $"{"—",14} | {"",6} | {"",6} | {"",5} |"
                                  : $"{limit.Rps,14:N0} | {limit.P50,6:N2} | {limit.P99,6:N2} | {mine.Rps / limit.Rps,4:N2}x |") +
                              (mine.Errors > 0 ? $" {mine.Errors} errors" : ""));
        }
        Console.WriteLine();
        Console.WriteLine($"API peak working set: {api.PeakWorkingSetMegabytes():N0} MB");
    }

    private sealed record WrkResult(double Rps, double P50, double P99, int Errors);

    private static WrkResult Wrk(string url, int seconds, string? token)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t2", "-c32", $"-d{seconds}s", "--latency" })
            start.ArgumentList.Add(arg);
        if (token is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Authorization: Bearer {token}");
        }
        start.ArgumentList.Add(url);
        using var wrk = Process.Start(start)!;
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        double Ms(Match m) => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * (m.Groups[3].Value switch { "us" => 0.001, "s" => 1000, _ => 1 });
        var percentiles = Percentile().Matches(output).ToDictionary(m => m.Groups[1].Value, Ms);
        return new WrkResult(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            percentiles.GetValueOrDefault("50"), percentiles.GetValueOrDefault("99"),
            Errors().Match(output) is { Success: true } e ? int.Parse(e.Groups[1].Value) : 0);
    }

    private static async Task<string> SeedAsync(HttpClient http, int delegates)
    {
        var created = await http.PostAsync("/api/forums", new StringContent(
            """{"slug":"bench-forum","title":{"en":"Benchmark forum","kk":"Форум"},"city":{"en":"Turkistan"},"country":"KZ","timeZone":"Asia/Almaty","startDate":"2027-05-20","endDate":"2027-05-21"}""",
            Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        var forum = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        for (var offset = 0; offset < delegates; offset += 20_000)
        {
            var rows = Math.Min(20_000, delegates - offset);
            var csv = new StringBuilder("name,nameLatin,email,country,languages,delegation,position.en\r\n");
            for (var i = offset + 1; i <= offset + rows; i++)
                csv.Append($"Делегат {i},Delegate {i},delegate{i}@example.kz,KZ,kk ru,Delegation {i % 200},Deputy akim\r\n");
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            (await http.PostAsync($"/api/forums/{forum}/delegates/import", content)).EnsureSuccessStatusCode();
        }

        for (var i = 0; i < 40; i++)
        {
            var speaker = await http.PostAsync($"/api/forums/{forum}/speakers",
                new StringContent(JsonSerializer.Serialize(new { name = $"Speaker {i}", organisation = new Dictionary<string, string> { ["en"] = $"Organisation {i}" } }),
                    Encoding.UTF8, "application/json"));
            var speakerId = JsonDocument.Parse(await speaker.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            var start = new DateTimeOffset(2027, 5, 20 + i / 20, 9, 0, 0, TimeSpan.FromHours(5)).AddMinutes(30 * (i % 20));
            var sessionBody = JsonSerializer.Serialize(new
            {
                title = new Dictionary<string, string> { ["en"] = $"Session {i}" }, kind = "panel", order = i,
                startsAt = start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                endsAt = start.AddMinutes(30).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                room = $"Hall {i % 3}",
            });
            var session = await http.PostAsync($"/api/forums/{forum}/sessions", new StringContent(sessionBody, Encoding.UTF8, "application/json"));
            var sessionId = JsonDocument.Parse(await session.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
            await http.PutAsync($"/api/forums/{forum}/sessions/{sessionId}/speakers/{speakerId}",
                new StringContent("""{"role":"speaker","order":1}""", Encoding.UTF8, "application/json"));
        }
        (await http.PostAsync($"/api/forums/{forum}/publish", null)).EnsureSuccessStatusCode();
        return forum;
    }

    private static (string DelegateId, string DeepKey) Probe(string file, string forum, int depth)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, SortKey FROM Delegates WHERE ForumId = $forum ORDER BY SortKey LIMIT 1 OFFSET $depth";
        command.Parameters.AddWithValue("$forum", forum.ToUpperInvariant());
        command.Parameters.AddWithValue("$depth", depth - 1);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0).ToLowerInvariant(), reader.GetString(1));
    }
}

/// <summary>The baseline program on its own port, over the API's database file.</summary>
internal sealed class BaselineProcess : IAsyncDisposable
{
    private readonly Process process;

    private BaselineProcess(Process process, string baseUrl)
    {
        this.process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<BaselineProcess> StartAsync(string databaseFile)
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var baseUrl = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Forums.Api.Baseline.dll"), $"--urls={baseUrl}", $"--Database={databaseFile}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 60; i++)
        {
            try
            {
                await http.GetAsync(baseUrl + "/forums/00000000-0000-0000-0000-000000000000");
                return new BaselineProcess(process, baseUrl);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(250);
            }
        }
        throw new InvalidOperationException("The baseline did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }
}
