using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forums.Api.Features.Delegates;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence.LeanReads;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Persistence;

/// <summary>
/// The lean read path writes JSON straight from the row; it must write exactly what the serializer writes for the
/// response type (the type the OpenAPI document describes), escaping included, and read columns that exist.
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
    public async Task Every_lean_query_reads_a_table_and_columns_of_the_model()
    {
        var queries = typeof(LeanQuery).Assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(f => f.FieldType == typeof(RowShape) || f.FieldType == typeof(LeanQuery))
            .Select(f => f.GetValue(null) switch { RowShape shape => shape.Query, LeanQuery query => query, _ => null })
            .OfType<LeanQuery>()
            .ToList();
        Assert.True(queries.Count >= 3, "the forum, delegate and token reads were not found");

        var columns = await api.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .ToDictionary(e => e.GetTableName()!, e => e.GetProperties().Select(p => p.GetColumnName()).ToHashSet())));
        foreach (var query in queries)
        {
            Assert.True(columns.ContainsKey(query.Table), $"no table {query.Table}");
            Assert.All(query.Columns.Concat(query.Keys), c => Assert.Contains(c, columns[query.Table]));
        }
    }
}
