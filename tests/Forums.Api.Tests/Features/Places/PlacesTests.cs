using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Places;

public sealed class PlacesTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task Places_and_registrations_are_counted_for_the_forum_and_each_delegation()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(3);
        var quoted = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 2)))["id"]!;
        var open = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum))["id"]!;
        foreach (var (delegation, status) in new[] { (quoted, "confirmed"), (quoted, "confirmed"), (quoted, "waitlisted"), (open, "confirmed"), (null, "waitlisted") })
            Assert.Equal(status, (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation)))["status"]!);
        var leaving = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", open));
        await admin.DelegateActionExpectingOkAsync(forum, (string)leaving["id"]!, "cancel");

        var places = await (await admin.GetAsync($"/api/forums/{forum}/places")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal("3 3 0 0/3/2/1", Line(places, "capacity"));
        var expected = new Dictionary<string, string> { [quoted] = $"{quoted} 2 2 0 0/2/1/0", [open] = $"{open}  1  0/1/0/1" };
        var listed = await (await admin.GetAsync($"/api/forums/{forum}/delegations")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(listed["items"]!.AsArray().Select(d => expected[(string)d!["id"]!]),
            places["delegations"]!.AsArray().Select(d => $"{d!["delegationId"]} " + Line(d.AsObject(), "quota")));
        Assert.Equal("0/0/1/0", Counts(places["withoutDelegation"]!));
    }

    [Fact]
    public async Task A_registration_waiting_for_approval_holds_a_place_and_is_counted_pending()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null, requiresApproval: true);
        await admin.RegisterExpectingCreatedAsync(forum);

        var places = await (await admin.GetAsync($"/api/forums/{forum}/places")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(" 1  1/0/0/0", Line(places, "capacity"));
        Assert.Empty(places["delegations"]!.AsArray());
    }

    // "limit taken left pending/confirmed/waitlisted/cancelled", a null written as nothing.
    private static string Line(JsonObject counts, string limit) =>
        $"{counts[limit]} {counts["placesTaken"]} {counts["placesLeft"]} {Counts(counts["registrations"]!)}";

    private static string Counts(JsonNode r) => $"{r["pending"]}/{r["confirmed"]}/{r["waitlisted"]}/{r["cancelled"]}";
}
