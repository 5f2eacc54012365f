using System.Buffers.Text;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    /// <summary>One request, sent by wrk to the API and (when it has a twin) to the baseline; a POST registers a new delegate per request.</summary>
    private sealed record Scenario(string Name, string ApiPath, string? BaselinePath, bool Organiser, bool Post = false, int Connections = 32);

    /// <summary>One program measured: the API, another build of it (<c>--against</c>), or the baseline.</summary>
    private sealed record Side(string Name, string BaseUrl, bool IsBaseline)
    {
        public string? Path(Scenario scenario) => IsBaseline ? scenario.BaselinePath : scenario.ApiPath;

        /// <summary>The organiser token, for an organiser scenario on a side that checks it (the baseline checks none).</summary>
        public string? Token(Scenario scenario, string organiser) => scenario.Organiser && !IsBaseline ? organiser : null;
    }

    /// <param name="build">The API's build output folder, when not the one built beside the benchmark.</param>
    /// <param name="against">Another build's output folder (e.g. an earlier commit's <c>tests/Forums.Api.Benchmarks/bin/Release/net10.0</c>):
    /// run over the same file and measured in the same rounds, so that two commits are compared side by side in one run.</param>
    public static async Task RunAsync(int delegates, int seconds, string? only, string? build = null, string? against = null, int rounds = 3)
    {
        await using var api = await ApiProcess.StartAsync(build);
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiProcess.AdminToken);

        var clock = Stopwatch.StartNew();
        var forum = await SeedAsync(http, delegates);
        var organiser = await OrganiserTokenAsync(http, forum);
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
            new Scenario("registration POST, 64 conns", $"/api/forums/{forum}/delegates", $"/forums/{forum}/delegates", true, Post: true, Connections: 64),
        };

        await using var other = against is null ? null : await ApiProcess.StartAsync(against, api.DataFolder);
        await using var baseline = await BaselineProcess.StartAsync(file);
        var twins = scenarios.Where(s => s is { BaselinePath: not null, Post: false }).ToList();
        await CompareAnswersAsync(api.BaseUrl, baseline.BaseUrl, organiser, twins);
        if (other is not null)
            await CompareAnswersAsync(other.BaseUrl, baseline.BaseUrl, organiser, twins);
        var sides = new List<Side> { new("api", api.BaseUrl, false) };
        if (other is not null)
            sides.Add(new Side("other", other.BaseUrl, false));
        sides.Add(new Side("baseline", baseline.BaseUrl, true));

        var selected = scenarios.Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        // Measured in rounds over all scenarios, every side in turn, and reported as medians: this machine's speed
        // drifts over a run (shared cores), and rounds spread the drift over every scenario and side alike.
        var writeRounds = Math.Max(5, rounds);
        var results = selected.ToDictionary(s => s, _ => sides.ToDictionary(side => side, _ => new List<WrkResult>()));
        // The reads first, then the writes, so that no read is measured over a file the registrations just changed;
        // and the side that goes first turns from round to round.
        foreach (var phase in new[] { selected.Where(s => !s.Post).ToList(), selected.Where(s => s.Post).ToList() })
        {
            // A pass not measured: JIT tiers settle and the seeding's garbage is collected on every side before any
            // figure is taken (the first scenario measured right after seeding ran at half speed).
            foreach (var scenario in phase)
                foreach (var side in sides)
                    if (side.Path(scenario) is { } path)
                        Wrk(side.BaseUrl + path, 3, side.Token(scenario, organiser), scenario, $"warm-{side.Name}");
            // Writes vary more from run to run (the baseline's busy polling), so they get more rounds.
            var phaseRounds = phase.Any(s => s.Post) ? writeRounds : rounds;
            for (var round = 0; round < phaseRounds; round++)
                foreach (var scenario in phase)
                    foreach (var side in sides.Skip(round % sides.Count).Concat(sides.Take(round % sides.Count)))
                        if (side.Path(scenario) is { } path)
                            results[scenario][side].Add(Wrk(side.BaseUrl + path, seconds, side.Token(scenario, organiser), scenario, side.Name));
        }

        Console.WriteLine($"wrk -t2 on loopback; {rounds} rounds ({writeRounds} for writes) of {seconds} s per scenario and side (after a 3 s warm-up pass; reads, then writes; the side going first turns), medians shown.");
        Console.WriteLine();
        Console.WriteLine("| scenario                      | API req/s | p50 ms | p99 ms | baseline req/s | p50 ms | p99 ms | ratio |");
        Console.WriteLine("|-------------------------------|----------:|-------:|-------:|---------------:|-------:|-------:|------:|");
        var (apiSide, baselineSide) = (sides[0], sides[^1]);
        foreach (var scenario in selected)
        {
            var mine = WrkResult.Median(results[scenario][apiSide]);
            var limit = scenario.BaselinePath is null ? null : WrkResult.Median(results[scenario][baselineSide]);
            Console.WriteLine($"| {scenario.Name,-29} | {mine.Rps,9:N0} | {mine.P50,6:N2} | {mine.P99,6:N2} | " +
                              (limit is null ? $"{"—",14} | {"",6} | {"",6} | {"",5} |"
                                  : $"{limit.Rps,14:N0} | {limit.P50,6:N2} | {limit.P99,6:N2} | {mine.Rps / limit.Rps,4:N2}x |") +
                              (mine.Errors > 0 ? $" API: {mine.Errors} errors" : "") +
                              (limit?.Errors > 0 ? $" baseline: {limit.Errors} errors" : ""));
        }
        Console.WriteLine();
        Console.WriteLine($"API peak working set: {api.PeakWorkingSetMegabytes():N0} MB");
        if (other is not null)
            PrintComparison(selected, results, apiSide, sides[1], baselineSide, against!);
    }

    // This build against the other, round by round: each round measures both within seconds of each other, so the
    // round's ratio is freer of the machine's drift than two medians are.
    private static void PrintComparison(List<Scenario> selected, Dictionary<Scenario, Dictionary<Side, List<WrkResult>>> results, Side api, Side other, Side baseline, string against)
    {
        Console.WriteLine();
        Console.WriteLine($"This build against {against}, over the same file in the same rounds:");
        Console.WriteLine();
        Console.WriteLine("| scenario                      | this req/s | other req/s | this/baseline | other/baseline | this/other, median of rounds | rounds |");
        Console.WriteLine("|-------------------------------|-----------:|------------:|--------------:|---------------:|-----------------------------:|--------|");
        foreach (var scenario in selected)
        {
            var (mine, theirs) = (results[scenario][api], results[scenario][other]);
            var perRound = mine.Zip(theirs, (a, b) => a.Rps / b.Rps).ToList();
            string VsBaseline(List<WrkResult> side) => scenario.BaselinePath is null ? "—"
                : $"{Middle(side.Zip(results[scenario][baseline], (a, b) => a.Rps / b.Rps)):N2}x";
            Console.WriteLine($"| {scenario.Name,-29} | {Middle(mine.Select(r => r.Rps)),10:N0} | {Middle(theirs.Select(r => r.Rps)),11:N0} | " +
                              $"{VsBaseline(mine),13} | {VsBaseline(theirs),14} | {Middle(perRound),27:N3}x | {string.Join(" ", perRound.Select(r => r.ToString("N2", CultureInfo.InvariantCulture)))} |");
        }
    }

    // Both sides must answer with the same JSON, or the ratio compares different work.
    private static async Task CompareAnswersAsync(string apiUrl, string baselineUrl, string token, IEnumerable<Scenario> scenarios)
    {
        using var http = new HttpClient();
        foreach (var scenario in scenarios)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, apiUrl + scenario.ApiPath);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var mine = JsonNode.Parse(await (await http.SendAsync(request)).Content.ReadAsStringAsync())!;
            var limit = JsonNode.Parse(await http.GetStringAsync(baselineUrl + scenario.BaselinePath))!;
            // A list's cursor is opaque and differs in form; the items must be the same.
            var (a, b) = mine["items"] is { } items ? (items, limit["items"]!) : (mine, limit);
            if (!JsonNode.DeepEquals(a, b))
                throw new InvalidOperationException($"'{scenario.Name}': the API and the baseline answer different JSON:\n{a.ToJsonString()}\n{b.ToJsonString()}");
        }
        Console.WriteLine("The API and the baseline answer the same JSON for every twin GET.");
    }

    private sealed record WrkResult(double Rps, double P50, double P99, int Errors)
    {
        /// <summary>Each figure's median over the rounds; errors are summed.</summary>
        public static WrkResult Median(List<WrkResult> runs) =>
            new(Middle(runs.Select(r => r.Rps)), Middle(runs.Select(r => r.P50)), Middle(runs.Select(r => r.P99)), runs.Sum(r => r.Errors));
    }

    /// <summary>The middle value (the upper one of an even count).</summary>
    private static double Middle(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);

    private static WrkResult Wrk(string url, int seconds, string? token, Scenario scenario, string run)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-t2", $"-c{scenario.Connections}", $"-d{seconds}s", "--latency" })
            start.ArgumentList.Add(arg);
        if (token is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add($"Authorization: Bearer {token}");
        }
        string? script = null;
        if (scenario.Post)
        {
            script = RegistrationScript($"{run}-{Guid.NewGuid():N}");
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }
        start.ArgumentList.Add(url);
        using var wrk = Process.Start(start)!;
        var output = wrk.StandardOutput.ReadToEnd();
        wrk.WaitForExit();
        // Requests still running when wrk stops (a slow search holds 32 of them) must not load the next measurement.
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        if (script is not null)
            File.Delete(script);
        double Ms(Match m) => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * (m.Groups[3].Value switch { "us" => 0.001, "s" => 1000, _ => 1 });
        var percentiles = Percentile().Matches(output).ToDictionary(m => m.Groups[1].Value, Ms);
        var socketErrors = SocketErrors().Match(output) is { Success: true } s ? Enumerable.Range(1, 4).Sum(i => int.Parse(s.Groups[i].Value)) : 0;
        return new WrkResult(
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            percentiles.GetValueOrDefault("50"), percentiles.GetValueOrDefault("99"),
            socketErrors + (Errors().Match(output) is { Success: true } e ? int.Parse(e.Groups[1].Value) : 0));
    }

    // Each request registers a new delegate: the run and wrk's thread make every e-mail unique.
    private static string RegistrationScript(string run)
    {
        var file = Path.Combine(Path.GetTempPath(), $"forum-bench-{run}.lua");
        File.WriteAllText(file, $$"""
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("tid", threads)
            end
            local counter = 0
            request = function()
              counter = counter + 1
              local n = tid .. "-" .. counter
              local body = '{"name":"Тіркелуші ' .. n .. '","nameLatin":"Registrant ' .. n .. '","email":"r' .. n .. '@{{run}}.example.kz","country":"KZ","languages":["kk","ru"]}'
              return wrk.format(nil, nil, nil, body)
            end
            """);
        return file;
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

    // Organiser scenarios authenticate as an organiser does: a token from the database, scoped to the forum.
    private static async Task<string> OrganiserTokenAsync(HttpClient http, string forum)
    {
        var created = await http.PostAsync("/api/tokens", new StringContent(
            JsonSerializer.Serialize(new { name = "Benchmark organiser", role = "organiser", forumIds = new[] { forum } }),
            Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;
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
