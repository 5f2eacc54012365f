using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Forums.Api.Tests.Features.Tokens;

public sealed class TokenTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    private static JsonObject Organiser(params string[] forumIds) =>
        new() { ["name"] = "Registration desk", ["role"] = "organiser", ["forumIds"] = new JsonArray(forumIds.Select(f => (JsonNode)f).ToArray()) };

    [Fact]
    public async Task The_secret_is_shown_once_and_stored_only_as_a_hash()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;

        var response = await admin.PostJsonAsync("/api/tokens", Organiser(forum));

        var created = await response.ShouldBeAsync(HttpStatusCode.Created);
        var secret = (string)created["token"]!;
        Assert.StartsWith("fat_", secret);
        Assert.True(secret.Length >= 40);
        Assert.Equal($"/api/tokens/{created["id"]}", response.Headers.Location?.OriginalString);
        Assert.Equal(secret[..12], (string)created["prefix"]!);
        Assert.Equal([forum], created["forumIds"]!.AsArray().Select(f => (string)f!));

        var read = await (await admin.GetAsync($"/api/tokens/{created["id"]}")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Null(read["token"]);
        var list = await (await admin.GetAsync("/api/tokens?limit=100")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(secret, list);
        Assert.Contains((string)created["id"]!, list);
        var stored = await api.WithDbAsync(db => Task.FromResult(db.ApiTokens.Single(t => t.Id == Guid.Parse((string)created["id"]!))));
        Assert.NotEqual(secret, stored.SecretHash);
        Assert.DoesNotContain(secret[12..], stored.SecretHash + stored.Prefix);
    }

    [Fact]
    public async Task A_new_organiser_token_works_at_once_for_its_forum()
    {
        var forum = new ForumBuilder();
        var id = (string)(await admin.CreateForumExpectingCreatedAsync(forum))["id"]!;
        var (_, token) = await admin.CreateOrganiserTokenExpectingCreatedAsync(id);
        var organiser = api.CreateClientWithToken(token);

        var updated = await (await organiser.PutJsonAsync($"/api/forums/{id}", forum.With("capacity", 40).Build())).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(40, (int)updated["capacity"]!);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_at_once()
    {
        var id = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var (tokenId, token) = await admin.CreateOrganiserTokenExpectingCreatedAsync(id);
        var organiser = api.CreateClientWithToken(token);
        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeAsync(HttpStatusCode.OK);

        var revoked = await (await admin.PostAsync($"/api/tokens/{tokenId}/revoke", null)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.NotNull((string?)revoked["revokedAt"]);
        var refused = await organiser.GetAsync($"/api/forums/{id}");
        await refused.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString());
        await (await organiser.GetAsync("/api/forums")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(api.Logs.Lines, l => l.Message.Contains($"the token was revoked (token id {tokenId})"));
        await (await admin.PostAsync($"/api/tokens/{tokenId}/revoke", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_token_revoked_by_another_instance_is_refused_once_its_cached_second_lapses()
    {
        var id = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var (tokenId, token) = await admin.CreateOrganiserTokenExpectingCreatedAsync(id);
        var organiser = api.CreateClientWithToken(token);
        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeAsync(HttpStatusCode.OK);

        // Another instance revokes it: the row changes, this instance's cache is not told.
        var revokedRows = await api.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == Guid.Parse(tokenId))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, api.Clock.GetUtcNow().UtcDateTime)));
        Assert.Equal(1, revokedRows);
        api.Clock.Advance(TimeSpan.FromSeconds(0.9));
        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeAsync(HttpStatusCode.OK);

        api.Clock.Advance(TimeSpan.FromSeconds(0.2));

        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_stops_working_when_it_expires()
    {
        var id = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var body = Organiser(id);
        body["expiresAt"] = api.Clock.GetUtcNow().AddHours(1).UtcDateTime.ToString("O");
        var token = (string)(await (await admin.PostJsonAsync("/api/tokens", body)).ShouldBeAsync(HttpStatusCode.Created))["token"]!;
        var organiser = api.CreateClientWithToken(token);
        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeAsync(HttpStatusCode.OK);

        api.Clock.Advance(TimeSpan.FromHours(1));

        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(api.Logs.Lines, l => l.Message.Contains("the token has expired"));
    }

    [Fact]
    public async Task A_token_kept_in_the_cache_stops_working_when_it_expires_all_the_same()
    {
        using var caching = new ForumsApiFactory(null, seed: false, new Dictionary<string, string?> { ["Auth:TokenCacheSeconds"] = "3600" });
        var cachingAdmin = caching.CreateAdminClient();
        var id = (string)(await cachingAdmin.CreateForumExpectingCreatedAsync())["id"]!;
        var body = Organiser(id);
        body["expiresAt"] = caching.Clock.GetUtcNow().AddHours(1).UtcDateTime.ToString("O");
        var token = (string)(await (await cachingAdmin.PostJsonAsync("/api/tokens", body)).ShouldBeAsync(HttpStatusCode.Created))["token"]!;
        var organiser = caching.CreateClientWithToken(token);
        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeAsync(HttpStatusCode.OK);
        caching.Clock.Advance(TimeSpan.FromMinutes(59));
        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeAsync(HttpStatusCode.OK);

        caching.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        caching.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Invalid_token_requests_name_their_fields()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;

        await (await admin.PostJsonAsync("/api/tokens", new JsonObject { ["name"] = "x", ["role"] = "organiser" })).ShouldBeInvalidAsync("forumIds");
        await (await admin.PostJsonAsync("/api/tokens", new JsonObject { ["name"] = "x", ["role"] = "admin", ["forumIds"] = new JsonArray(forum) }))
            .ShouldBeInvalidAsync("forumIds");
        await (await admin.PostJsonAsync("/api/tokens", new JsonObject { ["name"] = "", ["role"] = "superuser" })).ShouldBeInvalidAsync("role");
        await (await admin.PostJsonAsync("/api/tokens", new JsonObject { ["name"] = "", ["role"] = "admin" })).ShouldBeInvalidAsync("name");
        await (await admin.PostJsonAsync("/api/tokens", Organiser(Guid.NewGuid().ToString()))).ShouldBeInvalidAsync("forumIds");
        var past = Organiser(forum);
        past["expiresAt"] = api.Clock.GetUtcNow().AddMinutes(-1).UtcDateTime.ToString("O");
        await (await admin.PostJsonAsync("/api/tokens", past)).ShouldBeInvalidAsync("expiresAt");
        await (await admin.GetAsync($"/api/tokens/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Tokens_are_listed_page_by_page_and_filtered_by_forum_and_role()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
            ids.Add((await admin.CreateOrganiserTokenExpectingCreatedAsync(forum)).Id);
        var adminToken = await (await admin.PostJsonAsync("/api/tokens", new JsonObject { ["name"] = "Second admin", ["role"] = "admin" }))
            .ShouldBeAsync(HttpStatusCode.Created);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/tokens?forumId={forum}&role=organiser&limit=2" + (cursor is null ? "" : $"&cursor={cursor}")))
                .ShouldBeAsync(HttpStatusCode.OK);
            seen.AddRange(page["items"]!.AsArray().Select(t => (string)t!["id"]!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);

        Assert.Equal(ids.Order(), seen.Order());
        var admins = await (await admin.GetAsync("/api/tokens?role=admin")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Contains((string)adminToken["id"]!, admins["items"]!.AsArray().Select(t => (string)t!["id"]!));
    }

    [Theory]
    [InlineData("Bearer fat_never-issued-token-value-1234567890", "the token is unknown")]
    [InlineData("Basic dXNlcjpwYXNz", "the Authorization header is not 'Bearer <token>'")]
    [InlineData("Bearer ", "the token is unknown")]
    public async Task A_bad_credential_is_401_and_logged_with_its_reason_without_its_value(string authorization, string reason)
    {
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/forums");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(api.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Bearer authentication failed")
                                             && l.Message.Contains($"GET /api/forums: {reason} (token id unknown)"));
        var secretPart = authorization.Split(' ', 2)[1];
        if (secretPart.Length > 0)
            Assert.DoesNotContain(api.Logs.Lines, l => l.Message.Contains(secretPart));
    }

    [Fact]
    public async Task Without_a_token_a_protected_operation_is_401_with_a_bearer_challenge()
    {
        var response = await api.CreateClient().PostJsonAsync("/api/forums", new ForumBuilder().Build());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer", (string)problem["detail"]!);
    }

    [Fact]
    public async Task An_organiser_calling_an_admin_operation_is_403()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var (_, token) = await admin.CreateOrganiserTokenExpectingCreatedAsync(forum);

        var problem = await (await api.CreateClientWithToken(token).GetAsync("/api/tokens")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        Assert.Contains("admin", (string)problem["detail"]!);
    }

    [Fact]
    public async Task An_invalid_token_is_401_with_the_invalid_token_challenge_and_no_reason_given()
    {
        var response = await api.CreateClientWithToken("fat_not-a-token-anyone-was-given-0123456789").GetAsync("/api/forums");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.Single();
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("realm=\"forum-api\", error=\"invalid_token\", error_description=\"The token is unknown, revoked or expired.\"", challenge.Parameter);
        Assert.Equal("The bearer token is not valid: it is unknown, revoked or expired.", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Without_a_token_the_challenge_names_only_the_realm()
    {
        var response = await api.CreateClient().PostJsonAsync("/api/forums", new ForumBuilder().Build());

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("realm=\"forum-api\"", response.Headers.WwwAuthenticate.Single().Parameter);
    }

    [Fact]
    public async Task An_organiser_cannot_create_or_delete_forums_even_its_own()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var organiser = api.CreateClientWithToken((await admin.CreateOrganiserTokenExpectingCreatedAsync(forum)).Token);

        await (await organiser.PostJsonAsync("/api/forums", new ForumBuilder().Build())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await organiser.DeleteAsync($"/api/forums/{forum}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await admin.GetAsync($"/api/forums/{forum}")).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_no_cache_a_token_revoked_by_another_instance_is_refused_at_once()
    {
        using var uncached = new ForumsApiFactory(null, seed: false, new Dictionary<string, string?> { ["Auth:TokenCacheSeconds"] = "0" });
        var admin = uncached.CreateAdminClient();
        var id = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var (tokenId, token) = await admin.CreateOrganiserTokenExpectingCreatedAsync(id);
        var organiser = uncached.CreateClientWithToken(token);
        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeAsync(HttpStatusCode.OK);

        await uncached.WithDbAsync(db => db.ApiTokens.Where(t => t.Id == Guid.Parse(tokenId))
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, uncached.Clock.GetUtcNow().UtcDateTime)));

        await (await organiser.GetAsync($"/api/forums/{id}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
