using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Delegations;

public sealed class DelegationTests(SeededForumsApiFactory api) : IClassFixture<SeededForumsApiFactory>
{
    private const string SeedForum = "019ac7e1-5f00-7000-8000-000000000001";
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task A_delegation_is_created_read_and_replaced_with_if_match()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var body = new DelegationBuilder().With("name", new JsonObject { ["kk"] = "Шымкент делегациясы", ["en"] = "Shymkent delegation" })
            .With("region", new JsonObject { ["en"] = "Shymkent" }).With("quota", 10);

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegations", body.Build());

        var created = await response.ShouldBeAsync(HttpStatusCode.Created);
        Assert.Equal("region", (string)created["kind"]!);
        Assert.Equal(10, (int)created["quota"]!);
        Assert.Equal($"/api/forums/{forum}/delegations/{created["id"]}", response.Headers.Location?.OriginalString);
        var read = await admin.GetAsync($"/api/forums/{forum}/delegations/{created["id"]}");
        Assert.Equal(created.ToJsonString(), (await read.ShouldBeAsync(HttpStatusCode.OK)).ToJsonString());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/forums/{forum}/delegations/{created["id"]}");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", read.ETag());
        Assert.Equal(HttpStatusCode.NotModified, (await admin.SendAsync(conditional)).StatusCode);

        var updated = await (await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{created["id"]}", body.With("quota", 12).Build(), ("If-Match", read.ETag())))
            .ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(12, (int)updated["quota"]!);
        await (await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{created["id"]}", body.Build(), ("If-Match", read.ETag())))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    /// <summary>Every field the delegation's search text holds (Delegation.Update), each searched for alone.</summary>
    [Theory]
    [InlineData("name")]
    [InlineData("region")]
    public async Task Search_finds_a_delegation_by_each_searched_field_alone(string field)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var words = new[] { "name", "region" }.ToDictionary(f => f, _ => SearchWords.Cyrillic());
        var delegation = new DelegationBuilder();
        foreach (var (name, word) in words)
            delegation.With(name, SearchWords.InSecondLanguage(word));
        var id = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, delegation))["id"]!;
        await admin.CreateDelegationExpectingCreatedAsync(forum);

        var page = await (await admin.GetAsync($"/api/forums/{forum}/delegations?q={Uri.EscapeDataString(words[field].ToUpperInvariant())}"))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal([id], page["items"]!.AsArray().Select(d => (string)d!["id"]!));
    }

    [Fact]
    public async Task Invalid_delegations_name_their_fields()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        await (await admin.PostJsonAsync($"/api/forums/{forum}/delegations", new JsonObject { ["kind"] = "tribe", ["quota"] = 0 }))
            .ShouldBeInvalidAsync("kind");
        await (await admin.PostJsonAsync($"/api/forums/{forum}/delegations", new JsonObject { ["name"] = new JsonObject(), ["kind"] = "country", ["quota"] = 0, ["country"] = "XX" }))
            .ShouldBeInvalidAsync("name", "country", "quota");
        // A country's delegation may be made before its country is known: the schema calls country optional.
        await (await admin.PostJsonAsync($"/api/forums/{forum}/delegations", new DelegationBuilder().With("kind", "country").With("country", null).Build()))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await admin.PostJsonAsync($"/api/forums/{Guid.NewGuid()}/delegations", new DelegationBuilder().Build()))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_head_of_delegation_is_one_of_its_delegates()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var body = new DelegationBuilder();
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, body))["id"]!;
        var member = (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation)))["id"]!;
        var outsider = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;

        await (await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{delegation}", body.Build().Also("headDelegateId", outsider)))
            .ShouldBeInvalidAsync("headDelegateId");
        await (await admin.PatchJsonAsync($"/api/forums/{forum}/delegations/{delegation}", new JsonObject { ["headDelegateId"] = outsider }))
            .ShouldBeInvalidAsync("headDelegateId");
        var headed = await (await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{delegation}", body.Build().Also("headDelegateId", member)))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(member, (string)headed["headDelegateId"]!);
    }

    [Theory]
    [InlineData("confirmed")]
    [InlineData("waitlisted")]
    public async Task A_head_of_delegation_who_is_cancelled_is_no_longer_its_head(string status)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        if (status == "waitlisted")
            await admin.RegisterExpectingCreatedAsync(forum);
        var body = new DelegationBuilder();
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, body))["id"]!;
        var registered = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation));
        Assert.Equal(status, (string)registered["status"]!);
        var head = (string)registered["id"]!;
        await (await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{delegation}", body.Build().Also("headDelegateId", head))).ShouldBeAsync(HttpStatusCode.OK);

        await admin.DelegateActionExpectingOkAsync(forum, head, "cancel");

        var read = await (await admin.GetAsync($"/api/forums/{forum}/delegations/{delegation}")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Null((string?)read["headDelegateId"]);
    }

    /// <summary>
    /// A head cannot leave the delegation, to another one or to none, by a PUT that replaces the delegate or a PATCH
    /// that changes only its delegation (issue 14: a PUT without delegationId once left it silently, still its head):
    /// 409, and the delegate stays where it was, still the head. Once the delegation appoints no head, it may go.
    /// </summary>
    [Theory]
    [InlineData("PUT", "to another delegation")]
    [InlineData("PUT", "to none")]
    [InlineData("PATCH", "to another delegation")]
    [InlineData("PATCH", "to none")]
    public async Task A_head_of_delegation_cannot_leave_it_until_another_head_or_none_is_appointed(string verb, string where)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var body = new DelegationBuilder();
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, body))["id"]!;
        var other = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum))["id"]!;
        var headBody = new DelegateBuilder().With("delegationId", delegation);
        var head = (string)(await admin.RegisterExpectingCreatedAsync(forum, headBody))["id"]!;
        await (await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{delegation}", body.Build().Also("headDelegateId", head))).ShouldBeAsync(HttpStatusCode.OK);
        var to = where == "to none" ? null : other;
        Task<HttpResponseMessage> Leave() => verb == "PUT"
            ? admin.PutJsonAsync($"/api/forums/{forum}/delegates/{head}", headBody.With("delegationId", to).Build())
            : admin.PatchJsonAsync($"/api/forums/{forum}/delegates/{head}", new JsonObject { ["delegationId"] = to });

        var refused = await (await Leave()).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("head of their delegation", (string)refused["detail"]!);
        Assert.EndsWith("/head-cannot-leave", (string)refused["type"]!);
        Assert.Equal(delegation, (string)refused["delegationId"]!);
        Assert.Equal(delegation, (string)(await admin.GetDelegateExpectingOkAsync(forum, head))["delegationId"]!);
        Assert.Equal(head, (string)(await (await admin.GetAsync($"/api/forums/{forum}/delegations/{delegation}")).ShouldBeAsync(HttpStatusCode.OK))["headDelegateId"]!);
        await (await admin.PatchJsonAsync($"/api/forums/{forum}/delegations/{delegation}", new JsonObject { ["headDelegateId"] = null })).ShouldBeAsync(HttpStatusCode.OK);
        var moved = await (await Leave()).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(to, (string?)moved["delegationId"]);
    }

    [Fact]
    public async Task A_delegation_with_delegates_is_not_deleted_and_an_empty_one_is()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var used = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum))["id"]!;
        var empty = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum))["id"]!;
        var member = (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", used)))["id"]!;
        await admin.DelegateActionExpectingOkAsync(forum, member, "cancel");

        var refused = await (await admin.DeleteAsync($"/api/forums/{forum}/delegations/{used}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("1 delegates", (string)refused["detail"]!);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/forums/{forum}/delegations/{empty}")).StatusCode);
        await (await admin.GetAsync($"/api/forums/{forum}/delegations/{empty}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("q=КОРЕЯ")]
    [InlineData("q=korea")]
    [InlineData("kind=country&country=kr")]
    public async Task Delegations_are_found_by_name_in_any_language_kind_and_country(string query)
    {
        var page = await (await admin.GetAsync($"/api/forums/{SeedForum}/delegations?{query}")).ShouldBeAsync(HttpStatusCode.OK);

        var found = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal("Корея Республикасының делегациясы", (string)found["name"]!["kk"]!);
    }

    [Fact]
    public async Task Anyone_reads_a_published_forums_delegations_and_no_one_a_drafts()
    {
        var anonymous = api.CreateClient();
        var draft = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        await admin.CreateDelegationExpectingCreatedAsync(draft);

        var seeded = await (await anonymous.GetAsync($"/api/forums/{SeedForum}/delegations")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.NotEmpty(seeded["items"]!.AsArray());
        await (await anonymous.GetAsync($"/api/forums/{draft}/delegations")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject body, string field, JsonNode? value)
    {
        body[field] = value;
        return body;
    }
}
