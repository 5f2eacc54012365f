using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Forums.Api.Http.Idempotency;
using Forums.Api.Persistence.Idempotency;
using Forums.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Http;

public sealed class IdempotencyTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient client = api.CreateAdminClient();

    private Task<HttpResponseMessage> Create(JsonObject body, string key) =>
        client.PostJsonAsync("/api/forums", body, ("Idempotency-Key", key));

    [Fact]
    public async Task A_retry_with_the_same_key_and_body_replays_the_first_answer()
    {
        var key = Guid.NewGuid().ToString();
        var forum = new ForumBuilder().Build();

        var first = await Create(forum, key);
        var retry = await Create(forum, key);

        var created = await first.ShouldBeAsync(HttpStatusCode.Created);
        var replayed = await retry.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(created.ToJsonString(), replayed.ToJsonString());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.ETag(), retry.ETag());
        Assert.Equal("application/json", retry.ContentType()?.MediaType);
        Assert.Equal(first.ContentType(), retry.ContentType());
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await CountForumsWithSlug((string)forum["slug"]!));
    }

    [Theory]
    // HttpClient drops a bare trailing '?'; '?&' reaches the server as the same empty query.
    [InlineData("/api/forums", "/api/forums?&")]
    [InlineData("/api/forums?&&", "/api/forums")]
    public async Task A_retry_whose_query_reads_the_same_replays_the_first_answer(string first, string retry)
    {
        var key = Guid.NewGuid().ToString();
        var forum = new ForumBuilder().Build();

        var created = await (await client.PostJsonAsync(first, forum, ("Idempotency-Key", key))).ShouldBeAsync(HttpStatusCode.Created);
        var replay = await client.PostJsonAsync(retry, forum, ("Idempotency-Key", key));

        var replayed = await replay.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal((string)created["id"]!, (string)replayed["id"]!);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await CountForumsWithSlug((string)forum["slug"]!));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422()
    {
        var key = Guid.NewGuid().ToString();
        await (await Create(new ForumBuilder().Build(), key)).ShouldBeAsync(HttpStatusCode.Created);

        var other = new ForumBuilder().Build();
        var problem = await (await Create(other, key)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Idempotency-Key", (string)problem["detail"]!);
        Assert.Equal(0, await CountForumsWithSlug((string)other["slug"]!));
    }

    [Fact]
    public async Task A_retry_while_the_first_is_in_flight_is_409()
    {
        var key = Guid.NewGuid().ToString();
        var forum = new ForumBuilder().Build();
        await (await Create(forum, key)).ShouldBeAsync(HttpStatusCode.Created);
        await api.WithDbAsync(async db =>
        {
            var record = db.IdempotencyRecords.Single(r => r.Key == key);
            record.Completed = false;
            return await db.SaveChangesAsync();
        });

        var response = await Create(forum, key);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The first request with this Idempotency-Key is still being processed; retry shortly.", (string)problem["detail"]!);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_record_expiring_now_is_taken_over_and_only_that_record_is_replaced()
    {
        var (key, otherKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = new DelegationBuilder().Build();
        var (first, sameScope) = (new ForumBuilder().Build(), new ForumBuilder().Build());
        // One instant for all three records: a takeover that deleted by time alone would take the other two.
        var inAnotherScope = await (await client.PostJsonAsync($"/api/forums/{forumId}/delegations", delegation, ("Idempotency-Key", key)))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await Create(first, key)).ShouldBeAsync(HttpStatusCode.Created);
        var withAnotherKey = await (await Create(sameScope, otherKey)).ShouldBeAsync(HttpStatusCode.Created);
        var now = api.Clock.GetUtcNow().UtcDateTime;
        await api.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == key && r.Scope.EndsWith(" createForum"))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ExpiresAt, now)));

        var second = new ForumBuilder().Build();
        var takenOver = await Create(second, key);

        await takenOver.ShouldBeAsync(HttpStatusCode.Created);
        Assert.False(takenOver.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountForumsWithSlug((string)second["slug"]!));
        await ShouldReplayAsync(Create(sameScope, otherKey), withAnotherKey);
        await ShouldReplayAsync(client.PostJsonAsync($"/api/forums/{forumId}/delegations", delegation, ("Idempotency-Key", key)), inAnotherScope);
    }

    [Fact]
    public async Task An_unfinished_record_as_old_as_its_lease_is_taken_over()
    {
        var key = Guid.NewGuid().ToString();
        await (await Create(new ForumBuilder().Build(), key)).ShouldBeAsync(HttpStatusCode.Created);
        var leaseStart = api.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(2);
        await api.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == key)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Completed, false).SetProperty(r => r.CreatedAt, leaseStart)));

        var second = new ForumBuilder().Build();
        var retry = await Create(second, key);

        await retry.ShouldBeAsync(HttpStatusCode.Created);
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountForumsWithSlug((string)second["slug"]!));
    }

    [Fact]
    public async Task A_finished_record_older_than_the_lease_still_replays()
    {
        var key = Guid.NewGuid().ToString();
        var forum = new ForumBuilder().Build();
        var created = await (await Create(forum, key)).ShouldBeAsync(HttpStatusCode.Created);
        api.Clock.Advance(TimeSpan.FromMinutes(3));

        await ShouldReplayAsync(Create(forum, key), created);
    }

    [Fact]
    public async Task Finishing_or_refusing_one_request_leaves_the_records_of_other_keys_as_they_were()
    {
        var (key, otherKey, refusedKey) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = new DelegationBuilder().Build();
        var forum = new ForumBuilder().Build();
        var inAnotherScope = await (await client.PostJsonAsync($"/api/forums/{forumId}/delegations", delegation, ("Idempotency-Key", key)))
            .ShouldBeAsync(HttpStatusCode.Created);
        var created = await (await Create(forum, key)).ShouldBeAsync(HttpStatusCode.Created);

        await (await Create(new ForumBuilder().Build(), otherKey)).ShouldBeAsync(HttpStatusCode.Created);
        await (await Create(new ForumBuilder().With("country", "XX").Build(), refusedKey)).ShouldBeInvalidAsync("country");
        await (await client.PostJsonAsync($"/api/forums/{forumId}/delegations", new DelegationBuilder().With("kind", "planet").Build(),
            ("Idempotency-Key", key + "-refused"))).ShouldBeInvalidAsync("kind");

        await ShouldReplayAsync(Create(forum, key), created);
        await ShouldReplayAsync(client.PostJsonAsync($"/api/forums/{forumId}/delegations", delegation, ("Idempotency-Key", key)), inAnotherScope);
    }

    [Fact]
    public async Task A_key_expires_after_24_hours()
    {
        var key = Guid.NewGuid().ToString();
        var first = await (await Create(new ForumBuilder().Build(), key)).ShouldBeAsync(HttpStatusCode.Created);
        api.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));

        var second = await (await Create(new ForumBuilder().Build(), key)).ShouldBeAsync(HttpStatusCode.Created);

        Assert.NotEqual((string)first["id"]!, (string)second["id"]!);
    }

    [Fact]
    public async Task A_refused_request_keeps_nothing_and_the_corrected_retry_runs()
    {
        var key = Guid.NewGuid().ToString();
        var forum = new ForumBuilder();

        await (await Create(forum.With("country", "XX").Build(), key)).ShouldBeInvalidAsync("country");
        Assert.Equal(0, await api.WithDbAsync(db => Task.FromResult(db.IdempotencyRecords.Count(r => r.Key == key))));
        var corrected = await Create(forum.With("country", "KZ").Build(), key);

        await corrected.ShouldBeAsync(HttpStatusCode.Created);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountForumsWithSlug(forum.Slug));
    }

    [Fact]
    public async Task A_refused_registration_keeps_nothing_and_the_corrected_retry_registers()
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var key = Guid.NewGuid().ToString();
        var delegate_ = new DelegateBuilder();

        await (await client.PostJsonAsync($"/api/forums/{forumId}/delegates", delegate_.With("delegationId", Guid.NewGuid().ToString()).Build(),
            ("Idempotency-Key", key))).ShouldBeInvalidAsync("delegationId");
        var corrected = await client.PostJsonAsync($"/api/forums/{forumId}/delegates", delegate_.With("delegationId", null).Build(), ("Idempotency-Key", key));

        await corrected.ShouldBeAsync(HttpStatusCode.Created);
        Assert.False(corrected.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Parallel_retries_with_one_key_create_one_forum()
    {
        var key = Guid.NewGuid().ToString();
        var forum = new ForumBuilder().Build();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Create(forum, key)));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await CountForumsWithSlug((string)forum["slug"]!));
        var ids = await Task.WhenAll(responses.Where(r => r.StatusCode == HttpStatusCode.Created)
            .Select(async r => (string)(await r.ReadJsonAsync())["id"]!));
        Assert.Single(ids.Distinct());
    }

    [Theory]
    [InlineData("key with spaces")]
    [InlineData("ключ")]
    public async Task A_malformed_key_is_400_naming_the_header(string key)
    {
        var problem = await (await Create(new ForumBuilder().Build(), key)).ShouldBeInvalidAsync("Idempotency-Key");

        Assert.Equal("Send one key of 1 to 255 visible ASCII characters.", (string)problem["errors"]!["Idempotency-Key"]![0]!);
    }

    [Fact]
    public async Task An_overlong_key_is_400()
    {
        await (await Create(new ForumBuilder().Build(), new string('k', 256))).ShouldBeInvalidAsync("Idempotency-Key");
    }

    // Named cases with a fresh key each run: test names stay the same from run to run (Stryker matches tests by name).
    [Theory]
    [InlineData("255 characters")]
    [InlineData("starting with '!'")]
    [InlineData("ending with '~'")]
    public async Task A_key_of_255_visible_ASCII_characters_from_bang_to_tilde_is_taken(string shape)
    {
        var unique = Guid.NewGuid().ToString("N");
        var key = shape switch
        {
            "255 characters" => unique.PadRight(255, 'k'),
            "starting with '!'" => $"!{unique}",
            _ => $"{unique}~",
        };
        var forum = new ForumBuilder().Build();

        var created = await (await Create(forum, key)).ShouldBeAsync(HttpStatusCode.Created);
        var retry = await Create(forum, key);

        Assert.Equal((string)created["id"]!, (string)(await retry.ShouldBeAsync(HttpStatusCode.Created))["id"]!);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task Records_live_in_the_database_with_a_24_hour_expiry()
    {
        var key = Guid.NewGuid().ToString();
        await (await Create(new ForumBuilder().Build(), key)).ShouldBeAsync(HttpStatusCode.Created);

        var record = await api.WithDbAsync(db => Task.FromResult(db.IdempotencyRecords.Single(r => r.Key == key)));

        Assert.True(record.Completed);
        Assert.Equal(201, record.StatusCode);
        Assert.Equal(TimeSpan.FromHours(24), record.ExpiresAt - record.CreatedAt);
        // An operator reads whose key it is and for what: the caller and the operation, not a hash.
        Assert.Matches(@"^token:\S+ createForum$", record.Scope);
    }

    [Fact]
    public async Task A_registration_keeps_only_its_status_and_Location()
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var key = Guid.NewGuid().ToString();
        var first = await client.PostJsonAsync($"/api/forums/{forumId}/delegates", new DelegateBuilder().Build(), ("Idempotency-Key", key));
        await first.ShouldBeAsync(HttpStatusCode.Created);

        var record = await api.WithDbAsync(db => Task.FromResult(db.IdempotencyRecords.Single(r => r.Key == key)));

        Assert.Equal(201, record.StatusCode);
        Assert.Equal(first.Headers.Location!.ToString(), record.Location);
        Assert.Null(record.ETag);
        Assert.Null(record.ContentType);
        Assert.Null(record.Body);
        Assert.Matches(@"^token:\S+ registerDelegate forumid=" + forumId + "$", record.Scope);
    }

    public static TheoryData<string> SpellingsOfTheSameOperation => new()
    {
        "/API/FORUMS/{0}/DELEGATIONS",
        "/api/forums/{0}/delegations/",
        "/api/forums/{1}/delegations",
        "/api/forums/{2}/delegations",
        "/api/forums/%7B{0}%7D/delegations",
    };

    [Theory]
    [MemberData(nameof(SpellingsOfTheSameOperation))]
    public async Task A_key_is_scoped_by_the_operation_and_its_ids_not_by_how_the_path_is_spelt(string spelling)
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var id = Guid.Parse(forumId);
        var key = Guid.NewGuid().ToString();
        var delegation = new DelegationBuilder().Build();

        var first = await (await client.PostJsonAsync($"/api/forums/{forumId}/delegations", delegation, ("Idempotency-Key", key)))
            .ShouldBeAsync(HttpStatusCode.Created);
        var path = string.Format(spelling, id.ToString("D"), id.ToString("D").ToUpperInvariant(), id.ToString("N"));
        var retry = await client.PostJsonAsync(path, delegation, ("Idempotency-Key", key));

        var replayed = await retry.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal((string)first["id"]!, (string)replayed["id"]!);
        Assert.Equal(1, await api.WithDbAsync(db => Task.FromResult(db.Delegations.Count(d => d.ForumId == id))));
    }

    [Fact]
    public async Task The_same_key_in_another_forum_is_another_request()
    {
        var (forumA, forumB) = (await client.CreateForumWithCapacityExpectingCreatedAsync(null), await client.CreateForumWithCapacityExpectingCreatedAsync(null));
        var key = Guid.NewGuid().ToString();
        var delegation = new DelegationBuilder().Build();

        var inA = await (await client.PostJsonAsync($"/api/forums/{forumA}/delegations", delegation, ("Idempotency-Key", key))).ShouldBeAsync(HttpStatusCode.Created);
        var inB = await client.PostJsonAsync($"/api/forums/{forumB}/delegations", delegation, ("Idempotency-Key", key));

        Assert.Equal(forumB, (string)(await inB.ShouldBeAsync(HttpStatusCode.Created))["forumId"]!);
        Assert.False(inB.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(forumA, (string)inA["forumId"]!);
    }

    [Fact]
    public async Task The_same_key_from_another_caller_is_another_request()
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var (_, secret) = await client.CreateOrganiserTokenExpectingCreatedAsync(forumId);
        var organiser = api.CreateClientWithToken(secret);
        var key = Guid.NewGuid().ToString();
        var delegation = new DelegationBuilder().Build();

        var byAdmin = await (await client.PostJsonAsync($"/api/forums/{forumId}/delegations", delegation, ("Idempotency-Key", key))).ShouldBeAsync(HttpStatusCode.Created);
        var byOrganiser = await organiser.PostJsonAsync($"/api/forums/{forumId}/delegations", delegation, ("Idempotency-Key", key));

        Assert.NotEqual((string)byAdmin["id"]!, (string)(await byOrganiser.ShouldBeAsync(HttpStatusCode.Created))["id"]!);
        Assert.False(byOrganiser.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task A_replayed_registration_answers_like_the_first_and_no_personal_data_or_secret_is_kept()
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var key = Guid.NewGuid().ToString();
        var body = new DelegateBuilder().With("email", "keep.out@example.kz").With("phone", "+7 701 555 0199").Build();

        var first = await client.PostJsonAsync($"/api/forums/{forumId}/delegates", body, ("Idempotency-Key", key));
        var retry = await client.PostJsonAsync($"/api/forums/{forumId}/delegates", body, ("Idempotency-Key", key));
        var tokenBody = new JsonObject { ["name"] = "Desk", ["role"] = "admin" };
        var refusedToken = await client.PostJsonAsync("/api/tokens", tokenBody, ("Idempotency-Key", Guid.NewGuid().ToString()));
        var token = await (await client.PostJsonAsync("/api/tokens", tokenBody)).ShouldBeAsync(HttpStatusCode.Created);

        var created = await first.ShouldBeAsync(HttpStatusCode.Created);
        var replayed = await retry.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal(created.ToJsonString(), replayed.ToJsonString());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.ETag(), retry.ETag());
        Assert.Equal("application/json", retry.ContentType()?.MediaType);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        await refusedToken.ShouldBeInvalidAsync("Idempotency-Key");
        var table = await RawIdempotencyTable();
        Assert.Contains(key, table);
        Assert.DoesNotContain("keep.out", table, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("555 0199", table);
        Assert.DoesNotContain((string)created["accreditationCode"]!, table);
        Assert.DoesNotContain((string)token["token"]!, table);
        Assert.DoesNotContain((string)token["prefix"]!, table);
    }

    [Fact]
    public async Task A_replayed_registration_shows_the_delegate_as_it_is_now()
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var key = Guid.NewGuid().ToString();
        var body = new DelegateBuilder().Build();
        var first = await client.PostJsonAsync($"/api/forums/{forumId}/delegates", body, ("Idempotency-Key", key));
        var created = await first.ShouldBeAsync(HttpStatusCode.Created);
        var changed = await (await client.PutJsonAsync($"{first.Headers.Location}", new DelegateBuilder().With("phone", "+7 700 000 0001").Build(),
            ("If-Match", first.ETag()))).ShouldBeAsync(HttpStatusCode.OK);

        var retry = await client.PostJsonAsync($"/api/forums/{forumId}/delegates", body, ("Idempotency-Key", key));

        var replayed = await retry.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal((string)created["id"]!, (string)replayed["id"]!);
        Assert.Equal("+7 700 000 0001", (string)replayed["phone"]!);
        Assert.Equal(changed.ToJsonString(), replayed.ToJsonString());
        Assert.NotEqual(first.ETag(), retry.ETag());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
    }

    [Fact]
    public async Task A_replayed_registration_ignores_the_retry_s_conditional_headers()
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var key = Guid.NewGuid().ToString();
        var body = new DelegateBuilder().Build();
        var first = await client.PostJsonAsync($"/api/forums/{forumId}/delegates", body, ("Idempotency-Key", key));
        var created = await first.ShouldBeAsync(HttpStatusCode.Created);

        var retry = await client.PostJsonAsync($"/api/forums/{forumId}/delegates", body, ("Idempotency-Key", key), ("If-None-Match", first.ETag()));

        Assert.Equal(created.ToJsonString(), (await retry.ShouldBeAsync(HttpStatusCode.Created)).ToJsonString());
    }

    [Fact]
    public async Task Token_creation_refuses_an_Idempotency_Key_and_creates_nothing()
    {
        var name = $"Desk {Guid.NewGuid():N}";

        var response = await client.PostJsonAsync("/api/tokens", new JsonObject { ["name"] = name, ["role"] = "admin" }, ("Idempotency-Key", Guid.NewGuid().ToString()));

        var problem = await response.ShouldBeInvalidAsync("Idempotency-Key");
        Assert.Contains("secret", problem["errors"]!["Idempotency-Key"]![0]!.ToString());
        Assert.Equal(0, await api.WithDbAsync(db => Task.FromResult(db.ApiTokens.Count(t => t.Name == name))));
    }

    [Fact]
    public async Task An_operation_that_does_not_take_a_key_refuses_one_instead_of_ignoring_it()
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await client.SendJsonAsync(HttpMethod.Post, $"/api/forums/{forumId}/publish", null, ("Idempotency-Key", Guid.NewGuid().ToString()));

        var problem = await response.ShouldBeInvalidAsync("Idempotency-Key");
        Assert.Equal("This operation takes no Idempotency-Key: Retrying this request with the same key would not be recognised. Send the request without it.",
            (string)problem["errors"]!["Idempotency-Key"]![0]!);
        Assert.Equal("draft", (string)(await client.GetForumExpectingOkAsync(forumId)).Forum["status"]!);
    }

    [Fact]
    public async Task A_PUT_with_a_key_runs_as_without_one()
    {
        var forum = new ForumBuilder();
        var created = await client.PostJsonAsync("/api/forums", forum.Build());
        await created.ShouldBeAsync(HttpStatusCode.Created);

        var replaced = await client.PutJsonAsync($"{created.Headers.Location}", forum.With("country", "UZ").Build(),
            ("If-Match", created.ETag()), ("Idempotency-Key", Guid.NewGuid().ToString()));

        Assert.Equal("UZ", (string)(await replaced.ShouldBeAsync(HttpStatusCode.OK))["country"]!);
        Assert.False(replaced.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task The_document_says_which_operations_take_a_key_and_what_a_replay_answers()
    {
        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);
        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
            .ToDictionary(o => (string)o.Value!["operationId"]!, o => o.Value!.AsObject());
        bool TakesKey(string id) => operations[id]["parameters"]?.AsArray().Any(p => (string)p!["name"]! == "Idempotency-Key") == true;

        Assert.False(TakesKey("createToken"));
        Assert.Contains("Idempotency-Key", (string)operations["createToken"]["description"]!);
        Assert.True(TakesKey("registerDelegate"));
        Assert.Contains("as it is now", (string)operations["registerDelegate"]["description"]!);
        Assert.True(TakesKey("createForum"));
        Assert.Contains("replays the first answer", (string)operations["createForum"]["description"]!);
    }

    [Fact]
    public void Every_replay_reads_through_an_existing_GET()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var replays = endpoints.Select(e => e.Metadata.GetMetadata<AcceptsIdempotencyKey>()?.ReplayOperation).OfType<string>().ToList();

        Assert.Contains("getDelegate", replays);
        Assert.All(replays, operation => Assert.Contains(endpoints, e =>
            e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == operation
            && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.SequenceEqual(["GET"]) == true));
    }

    // The table as the database holds it, every column of every row, as text.
    private async Task<string> RawIdempotencyTable()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(api.DataFolder, "forums.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM IdempotencyRecords";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
                text.Append(reader.GetValue(i) is byte[] bytes ? Encoding.UTF8.GetString(bytes) : reader.GetValue(i)).Append('|');
            text.AppendLine();
        }
        return text.ToString();
    }

    private static async Task ShouldReplayAsync(Task<HttpResponseMessage> retry, JsonObject first)
    {
        var response = await retry;
        Assert.Equal(first.ToJsonString(), (await response.ShouldBeAsync(HttpStatusCode.Created)).ToJsonString());
        Assert.Equal("true", response.Headers.GetValues("Idempotent-Replayed").Single());
    }

    private Task<int> CountForumsWithSlug(string slug) =>
        api.WithDbAsync(db => Task.FromResult(db.Forums.Count(f => f.Slug == slug)));
}
