using System.Data;
using System.Data.Common;
using System.Net;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features;
using Forums.Api.Features.Delegates;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;
using Forums.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Persistence;

/// <summary>
/// The lean read path reads rows without EF Core and writes them with the source-generated metadata, except a
/// delegate's GET and the delegate list pages, whose JSON is written from the rows (<see cref="DelegateResponse.WriteRow"/>): its answers must be
/// byte for byte what EF's projection serialised with the API's options writes (the type the OpenAPI document
/// describes), escaping included; it must read columns that exist, and never inside a write transaction.
/// </summary>
public sealed class LeanReadTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    // HTML-significant characters, quotes, scripts beyond Latin and a character outside the BMP: all escape differently.
    private const string Awkward = "<b>\"Tom & Jerry's\"</b> + Қазақ 한국어 😀";
    // Only multi-line texts (descriptions, biographies) may hold line breaks and tabs, which escape differently again.
    private const string AwkwardLines = Awkward + "\r\n\tand a tab";

    private readonly HttpClient client = api.CreateAdminClient();

    private static JsonObject Text(string en) => new() { ["en"] = en, ["kk"] = Awkward };

    private async Task AssertSameBytesAsync<T>(string path, Func<Forums.Api.Persistence.ForumsDbContext, Task<T>> project)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var expected = JsonSerializer.Serialize(await api.WithDbAsync(project), ApiJson.Options);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_forum_with_every_field_set_reads_byte_for_byte_as_its_response_serialises()
    {
        var forum = await client.CreateForumExpectingCreatedAsync(new ForumBuilder()
            .With("title", Text("Central Asia – Korea"))
            .With("theme", Text("Cooperation"))
            .With("description", new JsonObject { ["en"] = "Local self-government", ["kk"] = AwkwardLines })
            .With("series", Text("Central Asia – Korea"))
            .With("edition", 2)
            .With("venue", Text("Congress hall"))
            .With("startDate", "2027-05-20")
            .With("endDate", "2027-05-21")
            .With("capacity", 250)
            .With("languages", new JsonArray("kk", "ru", "ko", "en")));
        var id = Guid.Parse((string)forum["id"]!);
        await client.PublishForumExpectingOkAsync(id.ToString());

        await AssertSameBytesAsync($"/api/forums/{id}",
            db => db.Forums.AsNoTracking().Where(f => f.Id == id).Select(ForumResponse.Projection).SingleAsync());
    }

    [Fact]
    public async Task A_forum_with_only_its_required_fields_reads_byte_for_byte_as_its_response_serialises()
    {
        var forum = await client.CreateForumExpectingCreatedAsync(new ForumBuilder().With("languages", new JsonArray()));
        var id = Guid.Parse((string)forum["id"]!);

        await AssertSameBytesAsync($"/api/forums/{id}",
            db => db.Forums.AsNoTracking().Where(f => f.Id == id).Select(ForumResponse.Projection).SingleAsync());
    }

    [Fact]
    public async Task Delegates_full_and_bare_confirmed_and_waitlisted_read_byte_for_byte_as_their_responses_serialise()
    {
        var forum = (string)(await client.CreateForumExpectingCreatedAsync(new ForumBuilder().With("capacity", 1)))["id"]!;
        // Times with and without a fraction of a second, and one whose last digit would be a trimmed zero.
        api.Clock.Advance(TimeSpan.FromTicks(1_234_500));
        var full = await client.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder(Awkward)
            .With("position", Text("Deputy akim"))
            .With("organisation", Text("Akimat"))
            .With("needs", new JsonObject { ["diet"] = Awkward, ["access"] = "wheelchair", ["interpretation"] = "kk ↔ ko" })
            .Build());
        api.Clock.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1_234_500));
        var bare = await client.PostJsonAsync($"/api/forums/{forum}/delegates", new JsonObject { ["name"] = "Жалғыз" });

        foreach (var created in new[] { await full.ShouldBeAsync(HttpStatusCode.Created), await bare.ShouldBeAsync(HttpStatusCode.Created) })
        {
            var id = Guid.Parse((string)created["id"]!);
            await AssertSameBytesAsync($"/api/forums/{forum}/delegates/{id}",
                db => db.Delegates.AsNoTracking().Where(d => d.Id == id).Select(DelegateResponse.Projection).SingleAsync());
        }
        Assert.Equal("waitlisted", (string)(await bare.ShouldBeAsync(HttpStatusCode.Created))["status"]!);
    }

    [Fact]
    public async Task A_delegate_written_from_its_row_answers_304_while_its_etag_matches_and_200_after_a_change()
    {
        var forum = (string)(await client.CreateForumExpectingCreatedAsync(new ForumBuilder()))["id"]!;
        var body = new DelegateBuilder();
        var id = (string)(await (await client.PostJsonAsync($"/api/forums/{forum}/delegates", body.Build())).ShouldBeAsync(HttpStatusCode.Created))["id"]!;
        var path = $"/api/forums/{forum}/delegates/{id}";
        var first = await client.GetAsync(path);
        var firstBody = await first.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("\"1\"", first.ETag());
        Assert.Equal(first.Content.Headers.ContentLength, (await first.Content.ReadAsByteArrayAsync()).Length);

        var unchanged = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "If-None-Match", first.ETag() } } });
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(first.ETag(), unchanged.ETag());
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());

        await (await client.PutJsonAsync(path, body.With("phone", "+7 725 000 0000").Build(), ("If-Match", first.ETag()))).ShouldBeAsync(HttpStatusCode.OK);
        var changed = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "If-None-Match", first.ETag() } } });
        var changedBody = await changed.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("\"2\"", changed.ETag());
        Assert.Equal("+7 725 000 0000", (string)changedBody["phone"]!);
        Assert.NotEqual("+7 725 000 0000", (string?)firstBody["phone"]);
    }

    /// <summary>A 304 writes no JSON: the tagged resource is written only when the answer will carry it.</summary>
    [Theory]
    [InlineData("\"3\"", true)]
    [InlineData("W/\"3\"", true)]
    [InlineData("\"2\", \"3\"", true)]
    [InlineData("*", true)]
    [InlineData("\"2\"", false)]
    [InlineData("", false)]
    public async Task A_tagged_resource_is_written_only_when_its_answer_carries_it(string ifNoneMatch, bool notModified)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { Response = { Body = new MemoryStream() } };
        if (ifNoneMatch.Length > 0)
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        var writes = 0;
        var json = ConditionalReads.WrittenJson.WriteTagged(context.Request.Headers.IfNoneMatch, "\"3\"", "x", (writer, value) =>
        {
            writes++;
            writer.WriteStringValue(value);
        });

        var answer = ConditionalReads.Answer(context, json, () => throw new InvalidOperationException("found"));

        Assert.Equal(notModified ? 0 : 1, writes);
        Assert.Equal("\"3\"", context.Response.Headers.ETag.ToString());
        if (notModified)
            Assert.Equal(304, Assert.IsAssignableFrom<Microsoft.AspNetCore.Http.IStatusCodeHttpResult>(answer).StatusCode);
        else
        {
            await Assert.IsType<ConditionalReads.WrittenJson>(answer).ExecuteAsync(context);
            Assert.Equal("\"x\"", System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
        }
    }

    /// <summary>
    /// The row writer against the serializer, row by row, on the reader the API reads with (Microsoft.Data.Sqlite): every
    /// stored form a column can hold — EF's own, whitespace, escapes, duplicate keys, a stored null — and every character
    /// of the BMP (and pairs beyond it) in the texts, keys and values, as EF stores them and, where JSON allows, unescaped.
    /// </summary>
    [Fact]
    public void Every_stored_form_of_a_delegate_row_writes_byte_for_byte_as_its_response_serialises()
    {
        var rows = StoredDelegateRows().ToList();
        using var sqlite = StoredDelegates(rows);
        using var select = sqlite.CreateCommand();
        select.CommandText = $"SELECT {StoredColumns} FROM \"Delegates\" ORDER BY rowid";
        using var reader = select.ExecuteReader();
        var read = 0;
        var failures = new List<string>();
        while (reader.Read())
        {
            var expected = Json(DelegateResponse.FromRow(DelegateRows.Read(reader)));
            var written = Written(reader);
            if (expected != written)
                failures.Add($"row {read}: {string.Join(", ", rows[read].Select(c => $"{c.Key}={c.Value}"))}\n  serializer {expected}\n  writer     {written}");
            read++;
        }

        Assert.Equal(rows.Count, read);
        Assert.True(failures.Count == 0, $"{failures.Count} of {read} rows differ:\n" + string.Join("\n", failures.Take(5)));
    }

    private static string StoredColumns => string.Join(", ", DelegateRows.ByIdInForum.Columns.Select(c => $"\"{c}\""));

    /// <summary>An in-memory Delegates table of the lean statement's columns holding these rows (a column a row leaves out: <see cref="Bare"/>'s).</summary>
    private static SqliteConnection StoredDelegates(IEnumerable<Dictionary<string, object?>> rows)
    {
        var sqlite = new SqliteConnection("Data Source=:memory:");
        sqlite.Open();
        var columns = DelegateRows.ByIdInForum.Columns;
        using (var create = sqlite.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE \"Delegates\" ({StoredColumns})";
            create.ExecuteNonQuery();
        }
        using var insert = sqlite.CreateCommand();
        insert.CommandText = $"INSERT INTO \"Delegates\" VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        foreach (var row in rows)
        {
            insert.Parameters.Clear();
            for (var i = 0; i < columns.Count; i++)
                insert.Parameters.AddWithValue($"@p{i}", row.TryGetValue(columns[i], out var value) ? value ?? DBNull.Value : Bare[columns[i]]);
            insert.ExecuteNonQuery();
        }
        return sqlite;
    }

    private static readonly Dictionary<string, object> Bare = new()
    {
        ["Id"] = "0192E4A0-7B1C-7C3D-8E4F-5A6B7C8D9E0F", ["ForumId"] = "0192E4A0-0000-7000-8000-000000000001", ["DelegationId"] = DBNull.Value,
        ["Name"] = "Ерлан", ["NameLatin"] = DBNull.Value, ["Position"] = DBNull.Value, ["Organisation"] = DBNull.Value, ["Country"] = DBNull.Value,
        ["Email"] = DBNull.Value, ["Phone"] = DBNull.Value, ["Languages"] = "[]", ["DietNeeds"] = DBNull.Value, ["AccessNeeds"] = DBNull.Value,
        ["InterpretationNeeds"] = DBNull.Value, ["Status"] = "Confirmed", ["AccreditationCode"] = "FA-7K2M9Q",
        ["RegisteredAt"] = "2027-05-20 10:00:00", ["StatusChangedAt"] = "2027-05-20 10:00:00", ["WaitlistedAt"] = DBNull.Value,
        ["CheckedInAt"] = DBNull.Value, ["UpdatedAt"] = "2027-05-20 10:00:00", ["Version"] = 1L, ["SortKey"] = "ерлан",
    };

    private static IEnumerable<Dictionary<string, object?>> StoredDelegateRows()
    {
        var relaxed = new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        string Map(params (string Key, string Value)[] entries) => LocalizedTextConverter.ToStored(entries.ToDictionary(e => e.Key, e => e.Value));
        string List(params string[] items) => JsonSerializer.Serialize(items, relaxed);

        yield return new();
        yield return new()
        {
            ["DelegationId"] = "0192E4A0-0000-7000-8000-0000000000AB", ["NameLatin"] = "Yerlan", ["Position"] = Map(("en", "Akim"), ("kk", "Әкім")),
            ["Organisation"] = Map(("en", Awkward)), ["Country"] = "KZ", ["Email"] = "yerlan@akimat.kz", ["Phone"] = "+7 725 000 0000",
            ["Languages"] = List("kk", "ru", "ko"), ["DietNeeds"] = Awkward, ["AccessNeeds"] = AwkwardLines, ["InterpretationNeeds"] = "kk ↔ ko",
            ["Status"] = "Waitlisted", ["RegisteredAt"] = "2027-05-20 10:00:00.1", ["StatusChangedAt"] = "2027-05-20 23:59:59.1234567",
            ["WaitlistedAt"] = "2027-05-20 10:00:00.000123", ["CheckedInAt"] = "2027-05-21 08:30:00", ["UpdatedAt"] = "2027-05-20T10:00:00",
            ["Version"] = 42L,
        };
        foreach (var status in Enum.GetNames<RegistrationStatus>())
            yield return new() { ["Status"] = status };
        // Stored forms EF does not write but a column may hold: each is read (and so written) as what it parses to.
        foreach (var map in new[]
                 {
                     "{}", "null", "{ \"en\" : \"x\" }", "{\"en\":\"a\",\"en\":\"b\"}", "{\"en\":\"\\u0041\\/\\\"\"}", "{\"<en>\":\"&\"}",
                     "{\"en\":\"😀\"}", "{\"en\":\"\\uD83D\\uDE00\"}", "{\"en\":\"a\",\"kk\":\"b\",\"ko\":\"c\",\"kk2\":\"d\"}",
                     "{\"en\":\"a\",\"kk\":\"b\",\"en\":\"c\"}", "{\"en\":\"\",\"\":\"\"}",
                 })
            yield return new() { ["Position"] = map, ["Organisation"] = map };
        foreach (var list in new[] { "[]", "null", "[ \"kk\" ]", "[\"kk\",\"kk\"]", "[\"\\u006bk\"]", "[\"<b>\",\"😀\"]", "[\"\"]" })
            yield return new() { ["Languages"] = list };
        // Every character of the BMP but the surrogates, 128 at a time: in a text, as a key and a value of a map, in a list.
        for (var start = 0; start < 0x10000; start += 128)
        {
            var chunk = new string(Enumerable.Range(start, 128).Where(c => !char.IsSurrogate((char)c)).Select(c => (char)c).ToArray());
            if (chunk.Length == 0)
                continue;
            yield return new()
            {
                ["Name"] = chunk, ["DietNeeds"] = chunk, ["Position"] = Map(("en", chunk)), ["Organisation"] = Map((chunk, "x")), ["Languages"] = List(chunk),
            };
            // The same characters stored without escapes where JSON allows it (a control character, quote or backslash must be escaped).
            var raw = new string(chunk.Where(c => c >= ' ' && c != '"' && c != '\\').ToArray());
            yield return new() { ["Position"] = $"{{\"en\":\"{raw}\"}}", ["Organisation"] = $"{{\"{raw}\":\"x\"}}", ["Languages"] = $"[\"{raw}\"]" };
        }
    }

    /// <summary>
    /// A page written from rows at every boundary the keyset can meet — no rows, fewer than the limit, exactly the limit,
    /// one more (the next cursor) — equals the serialised page of the same rows, cursor included.
    /// </summary>
    [Theory]
    [InlineData(1, 0)] [InlineData(1, 1)] [InlineData(1, 2)] [InlineData(2, 1)] [InlineData(2, 2)] [InlineData(2, 3)]
    [InlineData(3, 5)] [InlineData(100, 99)] [InlineData(100, 100)] [InlineData(100, 101)]
    public void A_page_written_from_rows_equals_the_serialised_page_at_every_boundary(int limit, int count)
    {
        using var sqlite = StoredDelegates(Enumerable.Range(0, count).Select(n => new Dictionary<string, object?>
        {
            ["Id"] = Guid.CreateVersion7().ToString("D").ToUpperInvariant(), ["Name"] = $"Ерлан {n}", ["SortKey"] = $"ерлан {n:D4} <&>",
        }));
        using var select = sqlite.CreateCommand();
        select.CommandText = $"SELECT {StoredColumns} FROM \"Delegates\" ORDER BY \"SortKey\" LIMIT {limit + 1}";
        var rows = new List<DelegateResponse>();
        using (var reader = select.ExecuteReader())
            while (reader.Read())
                rows.Add(DelegateResponse.FromRow(DelegateRows.Read(reader)));
        var expected = JsonSerializer.Serialize(Forums.Api.Http.Paging.Cursor.ToPage(rows, limit, d => d.SortKey), ApiJson.Options);

        using (var reader = select.ExecuteReader())
            Assert.Equal(expected, Written(writer => Forums.Api.Http.Paging.Cursor.WritePage(writer, reader, limit, DelegateResponse.WriteRow, DelegateRows.At.SortKey)));
        Assert.Equal(count > limit, expected.Contains("\"nextCursor\":\"", StringComparison.Ordinal));
    }

    private static string Written(DbDataReader row) => Written(writer => DelegateResponse.WriteRow(writer, row));

    /// <summary>What a writer with the API's encoder writes, as text.</summary>
    private static string Written(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ApiJson.Options.Encoder, SkipValidation = true }))
            write(writer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData("")]
    [InlineData("&status=waitlisted")]
    [InlineData("&status=confirmed&country=KR")]
    public async Task Delegate_list_pages_read_byte_for_byte_as_the_serialised_page_with_the_same_cursors(string filter)
    {
        var forum = Guid.Parse((string)(await client.CreateForumExpectingCreatedAsync(new ForumBuilder().With("capacity", 9)))["id"]!);
        for (var i = 0; i < 23; i++)
        {
            var registered = await client.PostJsonAsync($"/api/forums/{forum}/delegates",
                new DelegateBuilder($"{(char)('А' + i % 7)} {Awkward} {i}").With("country", i % 3 == 0 ? "KR" : "KZ").Build());
            await registered.ShouldBeAsync(HttpStatusCode.Created);
        }
        var status = filter.Contains("waitlisted") ? Forums.Api.Domain.RegistrationStatus.Waitlisted
            : filter.Contains("confirmed") ? Forums.Api.Domain.RegistrationStatus.Confirmed : (Forums.Api.Domain.RegistrationStatus?)null;
        var country = filter.Contains("KR") ? "KR" : null;

        string? cursor = null;
        var pages = 0;
        do
        {
            var response = await client.GetAsync($"/api/forums/{forum}/delegates?limit=2{filter}" + (cursor is null ? "" : $"&cursor={cursor}"));
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var after = cursor is null ? null : System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(cursor));
            var expected = await api.WithDbAsync(async db =>
            {
                var rows = DelegateFilters.Apply(db.Delegates.AsNoTracking().Where(d => d.ForumId == forum), status, null, country, null);
                if (after is not null)
                    rows = rows.Where(d => string.Compare(d.SortKey, after) > 0);
                var list = await rows.OrderBy(d => d.SortKey).Take(3).Select(DelegateResponse.Projection).ToListAsync();
                return Forums.Api.Http.Paging.Cursor.ToPage(list, 2, d => d.SortKey);
            });
            Assert.Equal(JsonSerializer.Serialize(expected, ApiJson.Options), body);
            cursor = expected.NextCursor;
            pages++;
        }
        while (cursor is not null);
        Assert.True(pages >= 2, "the walk must cross at least one page boundary");
    }

    [Fact]
    public async Task Every_lean_statement_reads_a_table_and_columns_of_the_model()
    {
        Assert.Equal(21, LeanStatements.All.Count);

        var columns = await api.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .ToDictionary(e => e.GetTableName()!, e => e.GetProperties().Select(p => p.GetColumnName()).ToHashSet())));
        foreach (var statement in LeanStatements.All)
        {
            Assert.True(columns.ContainsKey(statement.Table), $"no table {statement.Table}");
            Assert.All(statement.Columns.Concat(statement.Compared), c => Assert.Contains(c, columns[statement.Table]));
        }
    }

    [Fact]
    public void Every_lean_statement_declared_is_listed_for_the_sql_server_parse()
    {
        var declared = typeof(LeanStatement).Assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .SelectMany(f => f.FieldType == typeof(LeanStatement) ? [(LeanStatement)f.GetValue(null)!]
                : f.FieldType == typeof(LeanStatement[]) ? (LeanStatement[])f.GetValue(null)! : [])
            .ToList();

        Assert.Equal(LeanStatements.All.Count, declared.Count);
        Assert.All(declared, s => Assert.Contains(s, LeanStatements.All));
        var sqlServer = LeanStatements.ForSqlServer();
        Assert.Equal(21, sqlServer.Count);
        Assert.All(sqlServer, sql => Assert.DoesNotContain("LIMIT", sql));
        Assert.Equal(16, sqlServer.Count(sql => sql.StartsWith("SELECT TOP (@p", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_lean_reader_refuses_to_read_inside_a_write_transaction_and_reads_again_after_it()
    {
        var forum = Guid.Parse((string)(await client.CreateForumExpectingCreatedAsync(new ForumBuilder()))["id"]!);
        var reads = api.Services.GetRequiredService<LeanReader>();
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Caller.RoleName(TokenRole.Admin))], "test"));

        var refused = await api.WithDbAsync(db => Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.InTransactionAsync(async c => Outcome.Done(await ForumScope.ForOrganiserAsync(reads, admin, forum, c)), CancellationToken.None)));

        Assert.Contains("inside a write transaction", refused.Message);
        var inside = await api.WithDbAsync(async db =>
        {
            var done = await db.InTransactionAsync(async c => Outcome.Done(await ForumScope.ForOrganiserAsync(db, admin, forum, c)), CancellationToken.None);
            return (done.Value.Forum, Lean: await ForumScope.ForOrganiserAsync(reads, admin, forum, CancellationToken.None));
        });
        Assert.Equal(inside.Forum, inside.Lean.Forum);
    }

    /// <summary>
    /// SQL Server hands back its own CLR types (Guid, DateTime for datetime2 and date, bool, int, long, string): a row
    /// of them, made from an entity by the SQL Server model's converters, reads into the response the entity makes.
    /// </summary>
    [Fact]
    public async Task Rows_of_sql_server_types_read_as_their_entities_map()
    {
        var forumId = Guid.Parse((string)(await client.CreateForumExpectingCreatedAsync(new ForumBuilder()
            .With("theme", Text("Cooperation")).With("venue", Text("Congress hall")).With("edition", 2)
            .With("startDate", "2027-05-20").With("endDate", "2027-05-21").With("capacity", 250)))["id"]!);
        await client.PublishForumExpectingOkAsync(forumId.ToString());
        api.Clock.Advance(TimeSpan.FromTicks(1_234_500));
        var registered = await client.PostJsonAsync($"/api/forums/{forumId}/delegates", new DelegateBuilder(Awkward)
            .With("organisation", Text("Akimat"))
            .With("needs", new JsonObject { ["diet"] = Awkward, ["access"] = "wheelchair" })
            .Build());
        var delegateId = Guid.Parse((string)(await registered.ShouldBeAsync(HttpStatusCode.Created))["id"]!);
        var (forum, delegate_) = await api.WithDbAsync(async db => (
            await db.Forums.AsNoTracking().SingleAsync(f => f.Id == forumId),
            await db.Delegates.AsNoTracking().SingleAsync(d => d.Id == delegateId)));
        var token = ApiToken.Create(Guid.CreateVersion7(), "door", TokenRole.Organiser, [forumId, Guid.CreateVersion7()], "fa_abc", new string('a', 64),
            new DateTime(2027, 5, 1, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 6, 1, 8, 0, 0, 123, DateTimeKind.Utc));
        token.Revoke(new DateTime(2027, 5, 2, 9, 30, 15, DateTimeKind.Utc).AddTicks(4567));
        using var sqlServer = MigrationTests.SqlServerContext();

        Assert.Equal(Json(ForumResponse.FromEntity(forum)), Json(ForumResponse.FromRow(ForumRows.Read(SqlServerRow(sqlServer, forum, ForumRows.ById)))));
        Assert.Equal(new ForumScopeRow(forum.Id, forum.Status, forum.RequiresApproval, forum.TimeZone, forum.Slug, forum.PublishedAt),
            ForumRows.ReadScope(SqlServerRow(sqlServer, forum, ForumRows.ScopeById)));
        Assert.Equal(Json(DelegateResponse.FromEntity(delegate_)),
            Json(DelegateResponse.FromRow(DelegateRows.Read(SqlServerRow(sqlServer, delegate_, DelegateRows.ByIdInForum)))));
        Assert.Equal(Json(DelegateResponse.FromEntity(delegate_)), Written(SqlServerRow(sqlServer, delegate_, DelegateRows.ByIdInForum)));
        var tokenRow = TokenRows.Read(SqlServerRow(sqlServer, token, TokenRows.ByHash));
        Assert.Equal((token.Id, token.Role, token.ExpiresAt, token.RevokedAt), (tokenRow.Id, tokenRow.Role, tokenRow.ExpiresAt, tokenRow.RevokedAt));
        Assert.Equal(token.ForumIds, tokenRow.ForumIds);
        Assert.Equal(DateTimeKind.Utc, tokenRow.RevokedAt!.Value.Kind);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ApiJson.Options);

    // As SqlClient reads them: datetime2 without its kind, date as a DateTime; everything else as EF stores it.
    private static DbDataReader SqlServerRow(DbContext sqlServer, object entity, LeanStatement statement)
    {
        var type = sqlServer.Model.FindEntityType(entity.GetType())!;
        var table = new DataTable();
        var values = new List<object>();
        foreach (var column in statement.Columns)
        {
            var property = type.GetProperties().Single(p => p.GetColumnName() == column);
            var mapping = property.GetRelationalTypeMapping();
            var value = property.PropertyInfo!.GetValue(entity);
            var stored = value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
            var clrType = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            clrType = Nullable.GetUnderlyingType(clrType) ?? clrType;
            table.Columns.Add(column, clrType == typeof(DateOnly) ? typeof(DateTime) : clrType);
            values.Add(stored switch
            {
                null => DBNull.Value,
                DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Unspecified),
                _ => stored,
            });
        }
        table.Rows.Add([.. values]);
        var reader = table.CreateDataReader();
        Assert.True(reader.Read());
        return reader;
    }

    [Theory]
    [InlineData("2027-05-20 10:00:00")]
    [InlineData("2027-05-20 10:00:00.1")]
    [InlineData("2027-05-20 23:59:59.1234567")]
    [InlineData("2027-05-20 10:00:00.0001230")]
    [InlineData("2027-05-20T10:00:00")]
    public void A_time_stored_on_sqlite_reads_as_the_parser_reads_it_in_utc(string stored)
    {
        var read = StoredValues.SqliteTime(stored);

        Assert.Equal(DateTime.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), read);
        Assert.Equal(DateTimeKind.Utc, read.Kind);
    }
}
