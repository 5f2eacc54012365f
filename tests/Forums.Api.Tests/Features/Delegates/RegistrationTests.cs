using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Domain;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Features.Delegates;

public sealed class RegistrationTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task Registering_while_places_are_free_confirms_with_an_accreditation_code()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(10);
        var body = new DelegateBuilder("Нұралхан Көшеров").With("nameLatin", "Nuralkhan Kusherov").With("email", "Akim@Example.KZ");

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", body.Build());

        var registered = await response.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal("confirmed", (string)registered["status"]!);
        Assert.Equal("Нұралхан Көшеров", (string)registered["name"]!);
        Assert.Equal("akim@example.kz", (string)registered["email"]!);
        Assert.Equal("halal", (string)registered["needs"]!["diet"]!);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", (string)registered["accreditationCode"]!);
        Assert.Null(registered["waitlistedAt"]);
        Assert.Equal($"/api/forums/{forum}/delegates/{registered["id"]}", response.Headers.Location?.OriginalString);
        Assert.Equal(registered.ToJsonString(), (await admin.GetDelegateExpectingOkAsync(forum, (string)registered["id"]!)).ToJsonString());
    }

    [Fact]
    public async Task Registering_past_capacity_waitlists_the_delegate()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(2);
        await admin.RegisterExpectingCreatedAsync(forum);
        await admin.RegisterExpectingCreatedAsync(forum);

        var third = await admin.RegisterExpectingCreatedAsync(forum);

        Assert.Equal("waitlisted", (string)third["status"]!);
        Assert.NotNull((string?)third["waitlistedAt"]);
        Assert.Equal(2, await PlacesTaken(forum));
    }

    [Fact]
    public async Task A_forum_that_requires_approval_registers_pending_delegates_who_hold_their_place()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1, requiresApproval: true);

        var first = await admin.RegisterExpectingCreatedAsync(forum);
        var second = await admin.RegisterExpectingCreatedAsync(forum);

        Assert.Equal("pending", (string)first["status"]!);
        Assert.Equal("waitlisted", (string)second["status"]!);
        var confirmed = await admin.DelegateActionExpectingOkAsync(forum, (string)first["id"]!, "confirm");
        Assert.Equal("confirmed", (string)confirmed["status"]!);
        Assert.Equal(1, await PlacesTaken(forum));
    }

    [Fact]
    public async Task A_full_delegation_quota_waitlists_even_when_the_forum_has_room()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(100);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;

        var first = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation));
        var second = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation));
        var outsider = await admin.RegisterExpectingCreatedAsync(forum);

        Assert.Equal(["confirmed", "waitlisted", "confirmed"], new[] { first, second, outsider }.Select(d => (string)d["status"]!));
        Assert.Equal(2, await PlacesTaken(forum));
    }

    [Fact]
    public async Task One_email_registers_once_per_forum_and_the_409_points_at_the_existing_delegate()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var existing = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", "same@example.kr"));

        var again = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("email", "SAME@example.KR").Build());

        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"/api/forums/{forum}/delegates/{existing["id"]}", (string)problem["existing"]!);
        var other = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        await admin.RegisterExpectingCreatedAsync(other, new DelegateBuilder().With("email", "same@example.kr"));
    }

    [Fact]
    public async Task A_delegation_of_another_forum_is_refused_naming_delegationId_and_nothing_is_written()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var other = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var foreign = (string)(await admin.CreateDelegationExpectingCreatedAsync(other, new DelegationBuilder()))["id"]!;

        var problem = await (await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("delegationId", foreign).Build()))
            .ShouldBeInvalidAsync("delegationId");

        Assert.Equal([$"This forum has no delegation with id '{foreign}'."], problem["errors"]!["delegationId"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }

    /// <summary>Each refusal says what is wrong and what to do, in its own words (a client shows the detail as it is).</summary>
    [Fact]
    public async Task Each_refusal_of_a_registration_says_what_is_wrong_and_what_to_do()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        var existing = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", "first@example.kz").With("delegationId", delegation));
        var outsider = await admin.RegisterExpectingCreatedAsync(forum);
        var unknown = Guid.NewGuid();

        var taken = await (await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("email", "first@example.kz").Build()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var quotaFull = await (await admin.PatchJsonAsync($"/api/forums/{forum}/delegates/{outsider["id"]}", new JsonObject { ["delegationId"] = delegation }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var noDelegate = await (await admin.GetAsync($"/api/forums/{forum}/delegates/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // An organiser of another forum is told there is no such forum, not no such delegate.
        var (_, token) = await admin.CreateOrganiserTokenExpectingCreatedAsync(await admin.CreateForumWithCapacityExpectingCreatedAsync(null));
        var noForum = await (await api.CreateClientWithToken(token).GetAsync($"/api/forums/{forum}/delegates/{existing["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal("A delegate with this e-mail is already registered for the forum; see existing (reinstate it if it was cancelled).", (string)taken["detail"]!);
        Assert.Equal(existing["id"]!.ToString(), (string)taken["existingDelegateId"]!);
        Assert.Equal("The delegation's quota is full; raise the quota or cancel one of its registrations first.", (string)quotaFull["detail"]!);
        Assert.Equal(1, (int)quotaFull["limit"]!);
        Assert.Equal($"This forum has no delegate with id '{unknown}'.", (string)noDelegate["detail"]!);
        Assert.Equal($"There is no forum with id '{forum}'.", (string)noForum["detail"]!);
    }

    [Fact]
    public async Task Invalid_fields_are_named_and_nothing_is_written()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(5);
        var body = new DelegateBuilder()
            .With("name", "  ")
            .With("email", "not-an-email")
            .With("phone", "call me")
            .With("country", "ZZ")
            .With("languages", new JsonArray("kk", "??"))
            .With("needs", new JsonObject { ["diet"] = new string('x', 501) });

        await (await admin.PostJsonAsync($"/api/forums/{forum}/delegates", body.Build()))
            .ShouldBeInvalidAsync("name", "email", "phone", "country", "languages[1]", "needs.diet");
        await (await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("delegationId", Guid.NewGuid().ToString()).Build()))
            .ShouldBeInvalidAsync("delegationId");
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
        Assert.Equal(0, await PlacesTaken(forum));
    }

    [Fact]
    public async Task Two_hundred_parallel_registrations_never_exceed_a_capacity_of_fifty()
    {
        for (var round = 0; round < 3; round++)
        {
            var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(50);

            var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
                admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().Build())));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var statuses = await api.WithDbAsync(db => db.Delegates.Where(d => d.ForumId == Guid.Parse(forum))
                .GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
            Assert.Equal(50, statuses[RegistrationStatus.Confirmed]);
            Assert.Equal(150, statuses[RegistrationStatus.Waitlisted]);
            Assert.Equal(50, await PlacesTaken(forum));
        }
    }

    [Fact]
    public async Task Fifty_parallel_retries_with_one_idempotency_key_register_one_delegate()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var body = new DelegateBuilder().Build();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            admin.PostJsonAsync($"/api/forums/{forum}/delegates", body, ("Idempotency-Key", key))));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal(1, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
        var replayed = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", body, ("Idempotency-Key", key));
        var created = await replayed.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.Id == Guid.Parse((string)created["id"]!))));
    }

    [Fact]
    public async Task Accreditation_codes_are_unique()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var codes = new List<string>();
        for (var i = 0; i < 30; i++)
            codes.Add((string)(await admin.RegisterExpectingCreatedAsync(forum))["accreditationCode"]!);

        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    private Task<int> PlacesTaken(string forumId) =>
        api.WithDbAsync(db => db.Forums.Where(f => f.Id == Guid.Parse(forumId)).Select(f => f.PlacesTaken).SingleAsync());
}
