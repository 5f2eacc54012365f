using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Forums.Api.Domain;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Forums.Api.Tests.Http;

/// <summary>
/// Walks every operation of the OpenAPI document with generated bad input: wrong types, missing and extra fields,
/// empty and 100 kB strings, invalid UTF-8, control characters, huge numbers, negative limits, malformed cursors and
/// ids, wrong content types, JSON nested 10,000 deep, injection strings. Every answer is a 4xx problem details or a
/// success; never a 5xx, never a stack trace.
/// </summary>
public sealed partial class HostileInputTests(SeededForumsApiFactory api, ITestOutputHelper output) : IClassFixture<SeededForumsApiFactory>
{
    private const int RequestsPerRun = 5_200;
    private static readonly string[] Verbs = ["get", "post", "put", "patch", "delete"];

    private static readonly string[] Strings =
    [
        "", " ", "\0", "\u0001\u0002\u001f", "\t\r\n", new string('x', 100_000), "😀🇰🇿", "Түркістан", "\u202Eevil", "\uFFFF",
        "' OR 1=1 --", "'; DROP TABLE Delegates; --", "\" OR \"\"=\"", "<script>alert(1)</script>", "=cmd|' /C calc'!A0",
        "+SUM(1,2)", "@HYPERLINK(\"http://x\")", "-2+3", "../../etc/passwd", "%00", "${jndi:ldap://x}", "null", "undefined",
        "NaN", "-1", "0", "99999999999999999999999999", "1e309", "2027-02-30", "2027-05-20T25:00:00+05:00", "not-a-guid",
        "00000000-0000-0000-0000-000000000000", "fat_not-a-token", "ZZZZ-ZZZZ-ZZZZ-ZZZZ", "kk", "XX", "Mars/Olympus",
        // The calendar's edges and date-times without an offset (issue 12: 500s at the edges, host-zone readings).
        "0001-01-01", "9999-12-31", "0002-01-01", "9997-12-31", "1999-12-31", "2101-01-01", "9999-12-31T20:00:00Z",
        "0001-01-01T00:00:00Z", "2027-05-20T10:00:00", "2027-05-20", "Pacific/Kiritimati", "Etc/GMT+12",
        // Text that must be refused or folded: bidi controls, escapes, zero-width and no-break spaces, decomposed letters.
        "Admin\u202egnp.exe", "\u2066x\u2069", "\u001b[31mred", "Hall\u00a0A", "Hall\u200bA", "hall  a", "cafe\u0301@example.kz",
        "<a@b.c>", "a\u0000@b.c", "a\u200b@b.c", "a@b", "a..b@example.kz",
    ];

    private static readonly string[] PathStrings = Strings.Where(s => !s.Contains('\0') && !s.Contains("%00")).ToArray();

    private static readonly JsonNode?[] Values =
    [
        null, true, false, 0, -1, int.MaxValue, long.MinValue, 1e308, -0.0, 3.14159, "", new string('y', 100_000),
        new JsonArray(), new JsonArray(1, "two", null), new JsonObject(), new JsonObject { ["en"] = null },
        new JsonObject { ["not a tag!"] = "x" }, new JsonObject { ["en"] = new string('z', 20_000) }, "<script>alert(1)</script>",
        "' OR 1=1 --", "=1+1", "\u0000", "😀", "2027-05-20T10:00:00+05:00", "00000000-0000-0000-0000-000000000000",
        "0001-01-01", "9999-12-31", "0002-01-01", "9999-12-31T20:00:00Z", "0001-01-01T00:00:00+14:00", "2027-05-20T10:00:00",
        "Admin\u202egnp.exe", "Hall\u00a0A", "\u001b[2J", 2_000_000_000, -2_000_000_000,
        BadTags(5_000), new JsonArray([.. Enumerable.Range(0, 5_000).Select(i => (JsonNode?)$"x{i}!")]),
    ];

    private const string EvilHost = "evil.example";

    // Answers to bad input stay small whatever the input (issue 12: a 2 MB CSV header once bought a 606 MB answer).
    private const int MaxErrorAnswerBytes = 64 * 1024;

    private static JsonObject BadTags(int count)
    {
        var map = new JsonObject();
        for (var i = 0; i < count; i++)
            map[$"not a tag {i}!"] = "x";
        return map;
    }

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex PathParameter();

    [Fact]
    public async Task Generated_bad_input_to_every_operation_never_gets_a_5xx()
    {
        var seed = Environment.GetEnvironmentVariable("HOSTILE_SEED") is { } fixedSeed ? int.Parse(fixedSeed) : Random.Shared.Next();
        output.WriteLine($"seed {seed} (HOSTILE_SEED={seed} repeats this run)");
        var random = new Random(seed);
        var admin = api.CreateAdminClient();
        var document = await (await admin.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);
        var realIds = await RealIdsAsync(admin);
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => Verbs.Contains(o.Key)).Select(o => (Path: p.Key, Verb: o.Key, Operation: o.Value!.AsObject())))
            .ToList();

        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < RequestsPerRun; i++)
        {
            var (path, verb, operation) = operations[i % operations.Count];
            using var request = Build(random, path, verb, operation, realIds);
            var description = $"{request.Method} {Shorten(request.RequestUri!.ToString())}";
            HttpResponseMessage response;
            try
            {
                response = await admin.SendAsync(request);
            }
            catch (Exception e)
            {
                failures.Add($"{description}: the request threw {e.GetType().Name}: {e.Message}");
                continue;
            }
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync();
            if (status >= 500)
                failures.Add($"{description}: {status} {Shorten(text)}");
            else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{description}: {status} is not problem details");
            if (text.Contains("   at ") || text.Contains("Exception:"))
                failures.Add($"{description}: the answer shows a stack trace");
            if (text.Contains(EvilHost) || response.Headers.Location?.ToString().Contains(EvilHost) == true)
                failures.Add($"{description}: the answer repeats a forwarded host that no known proxy sent");
            if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || !sniff.Contains("nosniff"))
                failures.Add($"{description}: {status} without X-Content-Type-Options: nosniff");
            if (response.Headers.CacheControl?.NoStore != true)
                failures.Add($"{description}: {status} to an organiser without Cache-Control: no-store");
            // The problem's instance is the request's path, which Kestrel caps (8 kB request line); the rest is bounded here.
            if (status >= 400 && Encoding.UTF8.GetByteCount(text) > MaxErrorAnswerBytes + request.RequestUri!.OriginalString.Length)
                failures.Add($"{description}: a {status} of {Encoding.UTF8.GetByteCount(text):N0} bytes");
        }

        failures.AddRange(await DocumentsOfEveryForumAnswerAsync(admin));
        failures.AddRange(await CountersMatchTheirRowsAsync());

        output.WriteLine($"{RequestsPerRun} requests over {operations.Count} operations: " +
                         string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} bad answers:\n" + string.Join("\n", failures.Distinct().Take(30)));
    }

    private static HttpRequestMessage Build(Random random, string path, string verb, JsonObject operation, Dictionary<string, string> realIds)
    {
        // NUL cannot travel in a path to the in-memory test server (Kestrel itself refuses it with a 400).
        var url = PathParameter().Replace(path, m =>
            random.Next(3) == 0 && realIds.TryGetValue(m.Groups[1].Value, out var real) ? real : Uri.EscapeDataString(Pick(random, PathStrings)));
        var query = (operation["parameters"]?.AsArray() ?? [])
            .Where(p => (string)p!["in"]! == "query" && random.Next(2) == 0)
            .Select(p => $"{p!["name"]}={Uri.EscapeDataString(Pick(random, Strings))}")
            .Concat(random.Next(8) == 0 ? ["limit=-5", "cursor=%%%", "unknown=1"] : []);
        var request = new HttpRequestMessage(new HttpMethod(verb.ToUpperInvariant()), url + "?" + string.Join("&", query));

        foreach (var header in (operation["parameters"]?.AsArray() ?? []).Where(p => (string)p!["in"]! == "header"))
            if (random.Next(2) == 0)
                request.Headers.TryAddWithoutValidation((string)header!["name"]!, Pick(random, Strings).Replace("\r", "").Replace("\n", ""));

        // Headers a client may forge: no proxy is configured, so none of them may change an answer's host or scheme.
        if (random.Next(6) == 0)
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", Pick(random, ["203.0.113.7", "1.2.3.4, 5.6.7.8", "garbage", "::1",
                string.Join(",", Enumerable.Range(0, 1_000).Select(n => $"10.0.{n / 250}.{n % 250}"))]));
        if (random.Next(6) == 0)
            request.Headers.TryAddWithoutValidation("X-Forwarded-Host", EvilHost);
        if (random.Next(6) == 0)
            request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", Pick(random, ["https", "gopher", "", "https, http"]));
        if (random.Next(10) == 0)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Pick(random, ["k1", Guid.NewGuid().ToString(), new string('k', 300), "ü"]));

        if (verb is "post" or "put" or "patch")
            request.Content = Body(random, operation);
        return request;
    }

    private static HttpContent Body(Random random, JsonObject operation)
    {
        var contentType = operation["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault() ?? "application/json";
        byte[] bytes;
        switch (random.Next(10))
        {
            case 0:
                bytes = Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000));
                break;
            case 1:
                bytes = [0x7B, 0x22, 0x6E, 0x61, 0x6D, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D];
                break;
            case 2:
                bytes = Encoding.UTF8.GetBytes(Pick(random, Strings));
                break;
            case 3:
                contentType = Pick(random, ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]);
                bytes = Encoding.UTF8.GetBytes("name=x");
                break;
            case 4 when contentType == "text/csv" && random.Next(3) == 0:
                bytes = Encoding.UTF8.GetBytes(string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"unknown{i}")) + "\r\nx");
                break;
            case 4 when contentType == "text/csv":
                bytes = Encoding.UTF8.GetBytes("name,email,country\r\n" + string.Join("\r\n", Enumerable.Range(0, 5).Select(_ =>
                    $"\"{Pick(random, Strings).Replace("\"", "\"\"")}\",{Pick(random, Strings)},{Pick(random, Strings)}")));
                break;
            default:
                bytes = Encoding.UTF8.GetBytes(MutatedObject(random).ToJsonString());
                break;
        }
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    // A body with the fields the API knows, given wrong, missing, extra or hostile values.
    private static JsonObject MutatedObject(Random random)
    {
        string[] fields = ["slug", "title", "city", "country", "timeZone", "startDate", "endDate", "capacity", "languages", "name", "nameLatin",
            "email", "phone", "kind", "order", "startsAt", "endsAt", "room", "role", "quota", "delegationId", "delegateId", "headDelegateId",
            "forumIds", "expiresAt", "accreditationCode", "nonce", "needs", "position", "photoUrl", "requiresApproval", "extraField",
            "ifMatch", "forumId", "validateOnly", "biography", "organisation", "description", "venue", "region", "interpretationLanguages"];
        var body = new JsonObject();
        foreach (var field in fields.Where(_ => random.Next(3) > 0))
            body[field] = Pick(random, Values)?.DeepClone();
        if (random.Next(4) == 0)
        {
            body["slug"] = $"hostile-{random.Next():x}";
            body["title"] = new JsonObject { ["en"] = "Hostile" };
            body["city"] = new JsonObject { ["en"] = "Turkistan" };
            body["country"] = "KZ";
            body["timeZone"] = "Asia/Almaty";
            body["name"] = Pick(random, Strings);
            body["kind"] = "panel";
            body["order"] = random.Next(-5, 5);
            body["role"] = "speaker";
        }
        return body;
    }

    /// <summary>Whatever the walk managed to create, every forum's generated documents still answer without a 5xx.</summary>
    private static async Task<List<string>> DocumentsOfEveryForumAnswerAsync(HttpClient admin)
    {
        var failures = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/forums?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}")).ShouldBeAsync(HttpStatusCode.OK);
            foreach (var forum in page["items"]!.AsArray())
                foreach (var document in new[] { "agenda", "programme.ics", "schedule.json", "sessions", "delegates/export", "check-ins/summary" })
                {
                    var url = $"/api/forums/{forum!["id"]}/{document}";
                    using var response = await admin.GetAsync(url);
                    var length = (await response.Content.ReadAsByteArrayAsync()).Length;
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"GET {url} after the walk: {(int)response.StatusCode}");
                    else if (length > 16 * 1024 * 1024)
                        failures.Add($"GET {url} after the walk: {length:N0} bytes");
                }
            cursor = (string?)page["nextCursor"];
        } while (cursor is not null);
        return failures;
    }

    /// <summary>Whatever the walk did, every place counter equals the delegates holding places and stays within its limit.</summary>
    private async Task<List<string>> CountersMatchTheirRowsAsync() => await api.WithDbAsync(async db =>
    {
        var failures = new List<string>();
        var holding = await db.Delegates.Where(d => d.Status == RegistrationStatus.Confirmed || d.Status == RegistrationStatus.Pending)
            .Select(d => new { d.ForumId, d.DelegationId }).ToListAsync();
        foreach (var forum in await db.Forums.Select(f => new { f.Id, f.PlacesTaken, f.Capacity }).ToListAsync())
        {
            var rows = holding.Count(d => d.ForumId == forum.Id);
            if (rows != forum.PlacesTaken || forum.PlacesTaken > (forum.Capacity ?? int.MaxValue))
                failures.Add($"forum {forum.Id}: counter {forum.PlacesTaken}, rows {rows}, capacity {forum.Capacity}");
        }
        foreach (var delegation in await db.Delegations.Select(d => new { d.Id, d.PlacesTaken, d.Quota }).ToListAsync())
        {
            var rows = holding.Count(d => d.DelegationId == delegation.Id);
            if (rows != delegation.PlacesTaken || delegation.PlacesTaken > (delegation.Quota ?? int.MaxValue))
                failures.Add($"delegation {delegation.Id}: counter {delegation.PlacesTaken}, rows {rows}, quota {delegation.Quota}");
        }
        return failures;
    });

    private static async Task<Dictionary<string, string>> RealIdsAsync(HttpClient admin)
    {
        var forum = await (await admin.GetAsync("/api/forum-slugs/central-asia-korea-ii")).ShouldBeAsync(HttpStatusCode.OK);
        var id = (string)forum["id"]!;
        string First(JsonObject page) => (string)page["items"]![0]!["id"]!;
        return new Dictionary<string, string>
        {
            ["forumId"] = id,
            ["slug"] = "central-asia-korea-ii",
            ["delegationId"] = First(await (await admin.GetAsync($"/api/forums/{id}/delegations")).ShouldBeAsync(HttpStatusCode.OK)),
            ["delegateId"] = First(await (await admin.GetAsync($"/api/forums/{id}/delegates")).ShouldBeAsync(HttpStatusCode.OK)),
            ["speakerId"] = First(await (await admin.GetAsync($"/api/forums/{id}/speakers")).ShouldBeAsync(HttpStatusCode.OK)),
            ["sessionId"] = First(await (await admin.GetAsync($"/api/forums/{id}/sessions")).ShouldBeAsync(HttpStatusCode.OK)),
        };
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
