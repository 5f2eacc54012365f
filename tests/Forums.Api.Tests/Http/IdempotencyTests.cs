using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Persistence.Idempotency;
using Forums.Api.Tests.Infrastructure;

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
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
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

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.NotNull(response.Headers.RetryAfter);
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
    public async Task A_refused_request_is_replayed_as_refused()
    {
        var key = Guid.NewGuid().ToString();
        var invalid = new ForumBuilder().With("country", "XX").Build();

        await (await Create(invalid, key)).ShouldBeInvalidAsync("country");
        var retry = await Create(invalid, key);

        await retry.ShouldBeInvalidAsync("country");
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
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
        await (await Create(new ForumBuilder().Build(), key)).ShouldBeInvalidAsync("Idempotency-Key");
    }

    [Fact]
    public async Task An_overlong_key_is_400()
    {
        await (await Create(new ForumBuilder().Build(), new string('k', 256))).ShouldBeInvalidAsync("Idempotency-Key");
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
    }

    private Task<int> CountForumsWithSlug(string slug) =>
        api.WithDbAsync(db => Task.FromResult(db.Forums.Count(f => f.Slug == slug)));
}
