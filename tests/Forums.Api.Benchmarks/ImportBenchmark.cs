using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Forums.Api.Domain;
using Forums.Api.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Benchmarks;

/// <summary>
/// The import of N delegates through the API (HTTP, CSV parsing, validation, places, EF Core) next to inserting the
/// same rows into the same schema with plain ADO.NET (one prepared command, one transaction), in one run.
/// </summary>
internal static class ImportBenchmark
{
    private const string Header = "name,nameLatin,email,phone,country,languages,delegation,diet,position.kk,position.en,organisation.en";

    public static async Task RunAsync(int rows, int runs)
    {
        var csv = Encoding.UTF8.GetBytes(Csv(rows));
        Console.WriteLine($"Import benchmark: {rows:N0} rows ({csv.Length / 1024:N0} KiB of CSV, 200 delegations), {runs} runs each, median shown.");

        var apiTimes = new List<double>();
        await using (var api = await ApiProcess.StartAsync())
        {
            using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiProcess.AdminToken);
            await ImportAsync(http, Encoding.UTF8.GetBytes(Csv(200)));
            for (var run = 0; run < runs; run++)
                apiTimes.Add(await ImportAsync(http, csv));
        }

        var adoTimes = new List<double>();
        for (var run = 0; run < runs + 1; run++)
        {
            var time = await AdoNetInsertAsync(rows);
            if (run > 0)
                adoTimes.Add(time);
        }

        var api50 = Median(apiTimes);
        var ado50 = Median(adoTimes);
        Console.WriteLine();
        Console.WriteLine("| path                                          | median ms | rows/s   | vs ADO.NET |");
        Console.WriteLine("|-----------------------------------------------|----------:|---------:|-----------:|");
        Console.WriteLine($"| POST /delegates/import (HTTP, CSV, rules, EF) | {api50,9:N0} | {rows / api50 * 1000,8:N0} | {api50 / ado50,9:N1}x |");
        Console.WriteLine($"| plain ADO.NET insert (prepared, 1 tx)         | {ado50,9:N0} | {rows / ado50 * 1000,8:N0} | {1.0,9:N1}x |");
        Console.WriteLine($"Runs (ms): API {string.Join(", ", apiTimes.Select(t => t.ToString("N0")))}; ADO.NET {string.Join(", ", adoTimes.Select(t => t.ToString("N0")))}");
    }

    private static async Task<double> ImportAsync(HttpClient http, byte[] csv)
    {
        var forum = await http.PostAsync("/api/forums", new StringContent(
            $$"""{"slug":"bench-{{Guid.NewGuid():N}}","title":{"en":"Benchmark"},"city":{"en":"Turkistan"},"country":"KZ","timeZone":"Asia/Almaty"}""",
            Encoding.UTF8, "application/json"));
        forum.EnsureSuccessStatusCode();
        var id = System.Text.Json.JsonDocument.Parse(await forum.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");

        var clock = Stopwatch.StartNew();
        var response = await http.PostAsync($"/api/forums/{id}/delegates/import", content);
        clock.Stop();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Import failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> AdoNetInsertAsync(int rows)
    {
        var folder = Directory.CreateTempSubdirectory("forum-api-ado-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "forums.db")}";
        var forumId = Guid.CreateVersion7();
        await using (var db = new SqliteForumsDbContext(new DbContextOptionsBuilder<SqliteForumsDbContext>().UseSqlite(connectionString).Options))
        {
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            db.Forums.Add(Forum.Create(forumId, new ForumDetails("bench", new Dictionary<string, string> { ["en"] = "Benchmark" }, null, null, null, null,
                new Dictionary<string, string> { ["en"] = "Turkistan" }, "KZ", null, "Asia/Almaty", null, null, null, false, []), DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = ImportSql.InsertDelegate;
            var parameters = new[] { "$id", "$forum", "$name", "$latin", "$position", "$organisation", "$email", "$phone", "$code", "$now", "$search", "$sort" }
                .ToDictionary(n => n, n => insert.Parameters.Add(new SqliteParameter { ParameterName = n }));
            insert.Prepare();
            var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF");
            for (var i = 1; i <= rows; i++)
            {
                var id = Guid.CreateVersion7();
                parameters["$id"].Value = id.ToString().ToUpperInvariant();
                parameters["$forum"].Value = forumId.ToString().ToUpperInvariant();
                parameters["$name"].Value = $"Делегат {i}";
                parameters["$latin"].Value = $"Delegate {i}";
                parameters["$position"].Value = """{"kk":"Әкім орынбасары","en":"Deputy akim"}""";
                parameters["$organisation"].Value = """{"en":"Akimat"}""";
                parameters["$email"].Value = $"delegate{i}@example.kz";
                parameters["$phone"].Value = $"+7 701 000 {i:0000}";
                parameters["$code"].Value = AccreditationCodes.New();
                parameters["$now"].Value = now;
                parameters["$search"].Value = $"делегат {i}\ndelegate {i}\nakimat\ndelegate{i}@example.kz";
                parameters["$sort"].Value = SortKeys.For($"Delegate {i}", id);
                await insert.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
        }
        clock.Stop();
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static string Csv(int rows)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        for (var i = 1; i <= rows; i++)
            text.Append($"Делегат {i},Delegate {i},delegate{i}@example.kz,+7 701 000 {i:0000},KZ,kk ru,Delegation {i % 200},halal,Әкім орынбасары,Deputy akim,Akimat\r\n");
        return text.ToString();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
