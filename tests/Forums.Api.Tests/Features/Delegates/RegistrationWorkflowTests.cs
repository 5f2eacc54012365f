using System.Net;
using Forums.Api.Domain;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Features.Delegates;

public sealed class RegistrationWorkflowTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task A_cancelled_confirmed_delegate_is_replaced_by_the_first_waitlisted_one()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        var confirmed = await admin.RegisterExpectingCreatedAsync(forum);
        var firstInLine = await admin.RegisterExpectingCreatedAsync(forum);
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var secondInLine = await admin.RegisterExpectingCreatedAsync(forum);

        var cancelled = await admin.DelegateActionExpectingOkAsync(forum, (string)confirmed["id"]!, "cancel");

        Assert.Equal("cancelled", (string)cancelled["status"]!);
        Assert.Equal("confirmed", (string)(await admin.GetDelegateExpectingOkAsync(forum, (string)firstInLine["id"]!))["status"]!);
        Assert.Equal("waitlisted", (string)(await admin.GetDelegateExpectingOkAsync(forum, (string)secondInLine["id"]!))["status"]!);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task Promotion_passes_over_a_waitlisted_delegate_whose_delegation_is_full()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(2);
        var small = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        var inSmall = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", small));
        var other = await admin.RegisterExpectingCreatedAsync(forum);
        var waitingInSmall = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", small));
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        var waitingAlone = await admin.RegisterExpectingCreatedAsync(forum);

        await admin.DelegateActionExpectingOkAsync(forum, (string)other["id"]!, "cancel");

        Assert.Equal("waitlisted", (string)(await admin.GetDelegateExpectingOkAsync(forum, (string)waitingInSmall["id"]!))["status"]!);
        Assert.Equal("confirmed", (string)(await admin.GetDelegateExpectingOkAsync(forum, (string)waitingAlone["id"]!))["status"]!);
        Assert.Equal("confirmed", (string)(await admin.GetDelegateExpectingOkAsync(forum, (string)inSmall["id"]!))["status"]!);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task Cancelling_a_waitlisted_delegate_promotes_no_one()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        await admin.RegisterExpectingCreatedAsync(forum);
        var waiting = await admin.RegisterExpectingCreatedAsync(forum);
        var alsoWaiting = await admin.RegisterExpectingCreatedAsync(forum);

        await admin.DelegateActionExpectingOkAsync(forum, (string)waiting["id"]!, "cancel");

        Assert.Equal("waitlisted", (string)(await admin.GetDelegateExpectingOkAsync(forum, (string)alsoWaiting["id"]!))["status"]!);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task Transitions_that_make_no_sense_are_409()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        var confirmed = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;
        var waiting = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;

        await Refused(forum, confirmed, "confirm");
        await Refused(forum, confirmed, "reinstate");
        var full = await Refused(forum, waiting, "confirm");
        Assert.Contains("full", (string)full["detail"]!);
        await admin.DelegateActionExpectingOkAsync(forum, confirmed, "cancel");
        await Refused(forum, confirmed, "cancel");
        await Refused(forum, confirmed, "confirm");
        Assert.Equal("confirmed", (string)(await admin.GetDelegateExpectingOkAsync(forum, waiting))["status"]!);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task A_cancelled_delegate_is_reinstated_like_a_new_registration()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        var first = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;
        await admin.DelegateActionExpectingOkAsync(forum, first, "cancel");
        var second = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;

        var reinstated = await admin.DelegateActionExpectingOkAsync(forum, first, "reinstate");

        Assert.Equal("waitlisted", (string)reinstated["status"]!);
        await admin.DelegateActionExpectingOkAsync(forum, second, "cancel");
        Assert.Equal("confirmed", (string)(await admin.GetDelegateExpectingOkAsync(forum, first))["status"]!);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task A_waitlisted_delegate_is_confirmed_by_hand_when_a_place_is_free()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1, requiresApproval: true);
        var pending = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;
        var waiting = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;

        await admin.DelegateActionExpectingOkAsync(forum, pending, "cancel");

        Assert.Equal("pending", (string)(await admin.GetDelegateExpectingOkAsync(forum, waiting))["status"]!);
        Assert.Equal("confirmed", (string)(await admin.DelegateActionExpectingOkAsync(forum, waiting, "confirm"))["status"]!);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task Raising_the_capacity_promotes_the_waitlist_and_lowering_it_below_the_places_held_is_409()
    {
        var forumBody = new ForumBuilder().With("capacity", 1);
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync(forumBody))["id"]!;
        await admin.RegisterExpectingCreatedAsync(forum);
        await admin.RegisterExpectingCreatedAsync(forum);
        var waiting = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;

        await (await admin.PutJsonAsync($"/api/forums/{forum}", forumBody.With("capacity", 3).Build())).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal("confirmed", (string)(await admin.GetDelegateExpectingOkAsync(forum, waiting))["status"]!);
        var problem = await (await admin.PutJsonAsync($"/api/forums/{forum}", forumBody.With("capacity", 2).Build()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("3 delegates", (string)problem["detail"]!);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task Raising_a_quota_promotes_the_delegations_waitlist()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegationBody = new DelegationBuilder().With("quota", 1);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, delegationBody))["id"]!;
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation));
        var waiting = (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation)))["id"]!;

        await (await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{delegation}", delegationBody.With("quota", 2).Build()))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal("confirmed", (string)(await admin.GetDelegateExpectingOkAsync(forum, waiting))["status"]!);
        await (await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{delegation}", delegationBody.With("quota", 1).Build()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task Moving_a_delegate_to_a_full_delegation_is_409_and_moves_nothing()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var full = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", full));
        var body = new DelegateBuilder();
        var mover = (string)(await admin.RegisterExpectingCreatedAsync(forum, body))["id"]!;

        var refused = await admin.PutJsonAsync($"/api/forums/{forum}/delegates/{mover}", body.With("delegationId", full).Build());

        await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Null((string?)(await admin.GetDelegateExpectingOkAsync(forum, mover))["delegationId"]);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task Cancelling_a_delegate_gives_its_place_back_to_its_delegations_quota()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        var first = (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation)))["id"]!;

        await admin.DelegateActionExpectingOkAsync(forum, first, "cancel");

        var next = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation));
        Assert.Equal("confirmed", (string)next["status"]!);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task A_registration_the_forums_capacity_refuses_takes_nothing_from_its_delegations_quota()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        var alone = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;

        var waiting = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation));

        Assert.Equal("waitlisted", (string)waiting["status"]!);
        await AssertCountersMatch(forum);
        await admin.DelegateActionExpectingOkAsync(forum, alone, "cancel");
        Assert.Equal("confirmed", (string)(await admin.GetDelegateExpectingOkAsync(forum, (string)waiting["id"]!))["status"]!);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task Moving_a_delegate_to_another_delegation_frees_its_place_in_the_first()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var from = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        var to = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        var body = new DelegateBuilder().With("delegationId", from);
        var mover = (string)(await admin.RegisterExpectingCreatedAsync(forum, body))["id"]!;

        var moved = await (await admin.PutJsonAsync($"/api/forums/{forum}/delegates/{mover}", body.With("delegationId", to).Build()))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(to, (string)moved["delegationId"]!);
        Assert.Equal("confirmed", (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", from)))["status"]!);
        Assert.Equal("waitlisted", (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", to)))["status"]!);
        await AssertCountersMatch(forum);
    }

    /// <summary>
    /// A merge patch of only the delegation moves the delegate through the place ledger as a PUT does: a full
    /// delegation refuses it (409, nothing moves), one with room takes a place of its quota, and the place it leaves
    /// goes to the old delegation's longest-waiting delegate. Every other detail stays as it was.
    /// </summary>
    [Fact]
    public async Task A_patch_of_the_delegation_takes_a_place_in_the_new_quota_and_gives_one_back_to_the_old()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var from = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        var to = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        var full = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", full));
        var mover = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", from));
        var waiting = (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", from)))["id"]!;
        var url = $"/api/forums/{forum}/delegates/{mover["id"]}";
        Assert.Equal("waitlisted", (string)(await admin.GetDelegateExpectingOkAsync(forum, waiting))["status"]!);

        await (await admin.PatchJsonAsync(url, new System.Text.Json.Nodes.JsonObject { ["delegationId"] = full })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(from, (string)(await admin.GetDelegateExpectingOkAsync(forum, (string)mover["id"]!))["delegationId"]!);
        Assert.Equal("waitlisted", (string)(await admin.GetDelegateExpectingOkAsync(forum, waiting))["status"]!);
        await AssertCountersMatch(forum);

        var moved = await (await admin.PatchJsonAsync(url, new System.Text.Json.Nodes.JsonObject { ["delegationId"] = to })).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(to, (string)moved["delegationId"]!);
        Assert.Equal("confirmed", (string)moved["status"]!);
        foreach (var kept in new[] { "name", "nameLatin", "email", "phone", "position", "organisation", "languages", "needs", "country" })
            Assert.Equal(mover[kept]!.ToJsonString(), moved[kept]!.ToJsonString());
        Assert.Equal("confirmed", (string)(await admin.GetDelegateExpectingOkAsync(forum, waiting))["status"]!);
        Assert.Equal("waitlisted", (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", to)))["status"]!);
        await AssertCountersMatch(forum);
    }

    [Fact]
    public async Task Details_are_replaced_with_if_match_and_a_taken_email_is_409()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var taken = await admin.RegisterExpectingCreatedAsync(forum);
        var body = new DelegateBuilder();
        var id = (string)(await admin.RegisterExpectingCreatedAsync(forum, body))["id"]!;
        var read = await admin.GetAsync($"/api/forums/{forum}/delegates/{id}");
        var etag = read.ETag();

        var updated = await (await admin.PutJsonAsync($"/api/forums/{forum}/delegates/{id}", body.With("phone", "+82 2 000 0000").Build(), ("If-Match", etag)))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal("+82 2 000 0000", (string)updated["phone"]!);
        Assert.Equal("confirmed", (string)updated["status"]!);
        await (await admin.PutJsonAsync($"/api/forums/{forum}/delegates/{id}", body.Build(), ("If-Match", etag)))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var conflict = await (await admin.PutJsonAsync($"/api/forums/{forum}/delegates/{id}", body.With("email", (string)taken["email"]!).Build()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith((string)taken["id"]!, (string)conflict["existing"]!);
    }

    [Fact]
    public async Task Deleting_a_draft_forum_removes_its_delegations_and_delegates()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum))["id"]!;
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/forums/{forum}")).StatusCode);

        Assert.Equal(0, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegations.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }

    private async Task<System.Text.Json.Nodes.JsonObject> Refused(string forum, string delegateId, string action) =>
        await (await admin.PostAsync($"/api/forums/{forum}/delegates/{delegateId}/{action}", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);

    /// <summary>The ledger's counters equal the places the delegates really hold.</summary>
    private async Task AssertCountersMatch(string forumId)
    {
        var id = Guid.Parse(forumId);
        var (forumTaken, held) = await api.WithDbAsync(async db => (
            await db.Forums.Where(f => f.Id == id).Select(f => f.PlacesTaken).SingleAsync(),
            await db.Delegates.CountAsync(d => d.ForumId == id && (d.Status == RegistrationStatus.Confirmed || d.Status == RegistrationStatus.Pending))));
        Assert.Equal(held, forumTaken);
        var delegations = await api.WithDbAsync(db => db.Delegations.Where(d => d.ForumId == id)
            .Select(d => new { d.PlacesTaken, Held = db.Delegates.Count(x => x.DelegationId == d.Id && (x.Status == RegistrationStatus.Confirmed || x.Status == RegistrationStatus.Pending)) })
            .ToListAsync());
        Assert.All(delegations, d => Assert.Equal(d.Held, d.PlacesTaken));
    }
}
