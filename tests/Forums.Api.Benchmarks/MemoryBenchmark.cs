using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Forums.Api.Benchmarks;

/// <summary>
/// What the largest answers the API can be made to build cost the process (issue 12): the widest forum the rules allow
/// (the longest span, as many sessions and speaker places as they take, every text at its cap) read through its
/// generated documents, four at a time, and a CSV header of 1,000,000 unknown columns. Prints each answer's size and
/// time and the API's resident set (VmRSS now, VmHWM the peak) after each step.
/// </summary>
internal static class MemoryBenchmark
{
    private static readonly string[] Tags =
    [
        "kk", "ru", "en", "ko", "uz", "ky", "tg", "tk", "zh", "ja", "de", "fr", "es", "it", "tr", "ar", "fa", "hi", "ur", "mn",
        "az", "hy", "ka", "pl", "uk", "be", "pt", "nl", "sv", "fi",
    ];

    public static async Task RunAsync(int maxSessions)
    {
        await using var api = await ApiProcess.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiProcess.AdminToken);
        Report(api, "started");

        var forum = await WidestForumAsync(http);
        var (sessions, stoppedBy) = await FillProgrammeAsync(http, forum, maxSessions);
        Console.WriteLine($"Forum {forum}: {sessions:N0} sessions ({stoppedBy})");
        Report(api, "programme written");

        foreach (var document in new[] { "agenda", "programme.ics", "schedule.json", "sessions?limit=100" })
        {
            var watch = Stopwatch.StartNew();
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => http.GetAsync($"/api/forums/{forum}/{document}")));
            var sizes = await Task.WhenAll(answers.Select(async a => (Status: (int)a.StatusCode, Bytes: (await a.Content.ReadAsByteArrayAsync()).LongLength)));
            Console.WriteLine($"GET {document} ×4 in parallel: {string.Join(", ", sizes.Distinct().Select(s => $"{s.Status} {s.Bytes / 1024.0 / 1024:N1} MB"))} in {watch.ElapsedMilliseconds:N0} ms");
            Report(api, $"after {document}");
        }

        var header = string.Join(",", Enumerable.Range(0, 1_000_000).Select(i => $"c{i}"));
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(header + "\r\nx\r\n"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var import = Stopwatch.StartNew();
        using var answer = await http.PostAsync($"/api/forums/{forum}/delegates/import", content);
        var body = await answer.Content.ReadAsByteArrayAsync();
        Console.WriteLine($"POST import with a header of 1,000,000 unknown columns ({header.Length / 1024.0 / 1024:N1} MB): " +
                          $"{(int)answer.StatusCode}, {body.Length:N0} bytes in {import.ElapsedMilliseconds:N0} ms");
        Report(api, "after the 1,000,000-column header");
    }

    private static void Report(ApiProcess api, string step) =>
        Console.WriteLine($"  API resident set {step}: {api.WorkingSetMegabytes():N0} MB now, {api.PeakWorkingSetMegabytes():N0} MB peak");

    // '<' is what JSON escapes longest (six bytes, \u003C): the heaviest text the rules let through.
    private static JsonObject Texts(int languages, int length) =>
        new(Tags.Take(languages).Select(tag => KeyValuePair.Create(tag, (JsonNode?)new string('<', length))));

    private static async Task<string> WidestForumAsync(HttpClient http)
    {
        var created = await http.PostAsJsonAsync("/api/forums", new JsonObject
        {
            ["slug"] = "widest-forum",
            ["title"] = Texts(30, 300),
            ["description"] = Texts(10, 10_000),
            ["venue"] = Texts(30, 300),
            ["city"] = Texts(30, 200),
            ["country"] = "KZ",
            ["timeZone"] = "Pacific/Kiritimati",
            ["startDate"] = "2027-05-01",
            ["endDate"] = "2027-05-31",
        });
        var forum = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        if (!created.IsSuccessStatusCode)
            throw new InvalidOperationException($"Could not create the forum: {forum}");
        var id = (string)forum["id"]!;
        (await http.PostAsync($"/api/forums/{id}/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>
    /// Speakers and sessions at every text's cap, spread over the forum's 31 days, two speakers on each session, until
    /// the API refuses one (its caps) or the count asked for is reached.
    /// </summary>
    private static async Task<(int Count, string StoppedBy)> FillProgrammeAsync(HttpClient http, string forum, int maxSessions)
    {
        var speakers = new List<string>();
        for (var i = 0; i < maxSessions; i++)
        {
            var answer = await http.PostAsJsonAsync($"/api/forums/{forum}/speakers", new JsonObject
            {
                ["name"] = new string('<', 200),
                ["nameLatin"] = new string('<', 200),
                ["position"] = Texts(2, 300),
                ["organisation"] = Texts(2, 300),
                ["biography"] = Texts(2, 5_000),
                ["photoUrl"] = "https://example.org/" + new string('p', 1_000),
            });
            if (!answer.IsSuccessStatusCode)
                return (0, $"speaker {i + 1} refused: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            speakers.Add((string)(await answer.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }

        var start = new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.FromHours(14));
        for (var i = 0; i < maxSessions; i++)
        {
            var slot = start.AddDays(i % 31).AddHours(i / 31);
            var answer = await http.PostAsJsonAsync($"/api/forums/{forum}/sessions", new JsonObject
            {
                ["title"] = Texts(3, 300),
                ["description"] = Texts(1, 5_000),
                ["kind"] = "panel",
                ["order"] = i,
                ["startsAt"] = slot.ToString("yyyy-MM-ddTHH:mm:sszzz"),
                ["endsAt"] = slot.AddMinutes(50).ToString("yyyy-MM-ddTHH:mm:sszzz"),
                ["room"] = $"{new string('<', 90)} {i}",
                ["languages"] = new JsonArray([.. Tags.Select(t => (JsonNode?)t)]),
                ["interpretationLanguages"] = new JsonArray([.. Tags.Select(t => (JsonNode?)t)]),
            });
            if (!answer.IsSuccessStatusCode)
                return (i, $"session {i + 1} refused: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
            var session = (string)(await answer.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            for (var s = 0; s < 2; s++)
            {
                var assigned = await http.PutAsJsonAsync($"/api/forums/{forum}/sessions/{session}/speakers/{speakers[(2 * i + s) % speakers.Count]}",
                    new JsonObject { ["role"] = "speaker", ["order"] = s + 1 });
                if (!assigned.IsSuccessStatusCode)
                    return (i + 1, $"speaker place {2 * i + s + 1} refused: {(int)assigned.StatusCode} {await assigned.Content.ReadAsStringAsync()}");
            }
        }
        return (maxSessions, "the count asked for");
    }
}
