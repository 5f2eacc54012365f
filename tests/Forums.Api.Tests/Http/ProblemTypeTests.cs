using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Http;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>
/// Errors a program can tell apart: each condition answers its own problem type, whose URI is the configured base and its
/// name, whose page the API serves, and whose members say what a screen needs to offer the next step.
/// </summary>
public sealed class ProblemTypeTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    private const string Slot = "2027-05-20T10:00:00+05:00";
    private const string SlotEnd = "2027-05-20T11:00:00+05:00";

    [Fact]
    public async Task Every_type_has_a_page_and_the_list_links_them_all()
    {
        var anonymous = api.CreateClient();
        var list = await anonymous.GetAsync("/problems");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("text/html", list.ContentType()?.MediaType);
        Assert.True(list.Headers.CacheControl?.Public == true && list.Headers.CacheControl.MaxAge > TimeSpan.Zero, $"{list.Headers.CacheControl}");
        var listed = await list.Content.ReadAsStringAsync();

        foreach (var type in ProblemTypes.All)
        {
            Assert.Contains($"href=\"/problems/{type.Name}\"", listed);
            Assert.Contains(ProblemTypeUris.DefaultBase + type.Name, listed);
            var page = await anonymous.GetAsync($"/problems/{type.Name}");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains(System.Net.WebUtility.HtmlEncode(type.Summary), html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(type.When), html);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(type.Action), html);
            Assert.Contains($"status {type.Status}", html);
            Assert.All(type.Members, m => Assert.Contains($"<code>{m}</code>", html));
        }

        var unknown = await anonymous.GetAsync("/problems/no-such-problem");
        await unknown.ShouldBeProblemOfTypeAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public void Every_member_a_type_carries_is_a_described_member_of_the_problem_schema()
    {
        var properties = typeof(ProblemDetailsResponse).GetProperties().Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet();
        properties.Add(ProblemMembers.Errors); // the validation problem's own schema

        Assert.All(ProblemTypes.All.SelectMany(t => t.Members), m =>
        {
            Assert.Contains(m, properties);
            Assert.Contains(m, ProblemMembers.Described.Keys);
        });
        Assert.Equal(ProblemTypes.All.Count, ProblemTypes.All.Select(t => t.Name).Distinct().Count());
        Assert.All(ProblemTypes.All, t => Assert.Matches("^[a-z]+(-[a-z]+)*$", t.Name));
    }

    [Fact]
    public async Task The_type_base_comes_from_configuration_whatever_host_the_request_names()
    {
        using var configured = new ForumsApiFactory(null, seed: false,
            new Dictionary<string, string?> { [ProblemTypeUris.Key] = "https://errors.example.org/forum-api" });
        // Not checked against the committed document: its types are under the default base.
        var client = configured.Server.CreateClient();

        foreach (var host in new[] { "localhost", "forum.example.org" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/forums/{Guid.NewGuid()}") { Headers = { Host = host } };
            var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal("https://errors.example.org/forum-api/not-found", (string)problem["type"]!);
        }
        var invalid = await (await client.PostAsync("/api/forums", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync();
        Assert.Contains("\"type\":\"https://errors.example.org/forum-api/unauthorized\"", invalid);
        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).Content.ReadAsStringAsync();
        Assert.Contains("\"https://errors.example.org/forum-api/room-clash\"", document);
        Assert.DoesNotContain(ProblemTypeUris.DefaultBase, document);
    }

    [Fact]
    public async Task A_room_clash_names_the_other_session_by_id_and_url()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var first = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At(Slot, SlotEnd, "Hall A")))["id"]!;

        var clash = await admin.PostJsonAsync($"/api/forums/{forum}/sessions", new SessionBuilder().At(Slot, SlotEnd, "hall a").Build());

        var problem = await clash.ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "room-clash");
        Assert.Equal("Conflict", (string)problem["title"]!);
        Assert.Equal(first, (string)problem["conflictingSessionId"]!);
        Assert.Equal($"/api/forums/{forum}/sessions/{first}", (string)problem["existing"]!);
    }

    [Fact]
    public async Task A_speaker_clash_names_the_speaker_and_the_other_session()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        var first = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At(Slot, SlotEnd, "Hall A")))["id"]!;
        var second = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At(Slot, SlotEnd, "Hall B")))["id"]!;
        await (await admin.AssignAsync(forum, first, speaker)).ShouldBeAsync(HttpStatusCode.OK);

        var problem = await (await admin.AssignAsync(forum, second, speaker)).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "speaker-clash");

        Assert.Equal(speaker, (string)problem["speakerId"]!);
        Assert.Equal(first, (string)problem["conflictingSessionId"]!);
    }

    [Fact]
    public async Task A_taken_email_names_the_delegate_who_has_it()
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var existing = (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", "aigerim@example.kz")))["id"]!;

        var again = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("email", "AIGERIM@example.kz").Build());

        var problem = await again.ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "email-taken");
        Assert.Equal(existing, (string)problem["existingDelegateId"]!);
        Assert.Equal($"/api/forums/{forum}/delegates/{existing}", (string)problem["existing"]!);
    }

    [Fact]
    public async Task A_taken_slug_and_a_linked_delegate_have_their_own_types()
    {
        var forum = new ForumBuilder();
        var id = (string)(await admin.CreateForumExpectingCreatedAsync(forum))["id"]!;
        await (await admin.PostJsonAsync("/api/forums", new ForumBuilder(forum.Slug).Build())).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "slug-taken");

        var delegate_ = (string)(await admin.RegisterExpectingCreatedAsync(id))["id"]!;
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(id, new SpeakerBuilder().With("delegateId", delegate_)))["id"]!;
        var problem = await (await admin.PostJsonAsync($"/api/forums/{id}/speakers", new SpeakerBuilder().With("delegateId", delegate_).Build()))
            .ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "delegate-already-speaker");
        Assert.Equal(speaker, (string)problem["existingSpeakerId"]!);
    }

    [Fact]
    public async Task A_stale_if_match_is_412_with_the_current_etag()
    {
        var forum = new ForumBuilder();
        var id = (string)(await admin.CreateForumExpectingCreatedAsync(forum))["id"]!;
        var (_, etag) = await admin.GetForumExpectingOkAsync(id);
        await (await admin.PutJsonAsync($"/api/forums/{id}", forum.With("capacity", 10).Build(), ("If-Match", etag))).ShouldBeAsync(HttpStatusCode.OK);
        var (_, current) = await admin.GetForumExpectingOkAsync(id);

        var stale = await admin.PutJsonAsync($"/api/forums/{id}", forum.With("capacity", 20).Build(), ("If-Match", etag));

        var problem = await stale.ShouldBeProblemOfTypeAsync(HttpStatusCode.PreconditionFailed, "stale-version");
        Assert.Equal(current, (string)problem["currentETag"]!);
    }

    [Fact]
    public async Task The_registration_workflow_says_which_status_stands_in_the_way()
    {
        var body = new ForumBuilder().With("capacity", 2);
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync(body))["id"]!;
        var confirmed = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;
        await admin.RegisterExpectingCreatedAsync(forum);
        var waitlisted = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;

        var again = await (await admin.PostAsync($"/api/forums/{forum}/delegates/{confirmed}/confirm", null))
            .ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "status-not-allowed");
        Assert.Equal("confirmed", (string)again["currentStatus"]!);
        Assert.Equal(["pending", "waitlisted"], again["allowedValues"]!.AsArray().Select(v => (string)v!));

        var noBadge = await (await admin.GetAsync($"/api/forums/{forum}/delegates/{waitlisted}/badge"))
            .ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "not-confirmed");
        Assert.Equal("waitlisted", (string)noBadge["currentStatus"]!);
        Assert.Equal(["confirmed"], noBadge["allowedValues"]!.AsArray().Select(v => (string)v!));

        var full = await (await admin.PostAsync($"/api/forums/{forum}/delegates/{waitlisted}/confirm", null))
            .ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "forum-full");
        Assert.Equal(2, (int)full["limit"]!);

        var lower = await (await admin.PutJsonAsync($"/api/forums/{forum}", body.With("capacity", 1).Build()))
            .ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "places-held");
        Assert.Equal(2, (int)lower["placesTaken"]!);

        await admin.DelegateActionExpectingOkAsync(forum, confirmed, "cancel");
        await (await admin.PostAsync($"/api/forums/{forum}/delegates/{confirmed}/cancel", null)).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "delegate-cancelled");
        await (await admin.PostAsync($"/api/forums/{forum}/delegates/{confirmed}/confirm", null)).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "delegate-cancelled");
        await (await admin.GetAsync($"/api/forums/{forum}/delegates/{confirmed}/badge/qr.png")).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "delegate-cancelled");
    }

    [Fact]
    public async Task A_full_quota_names_the_delegation_and_its_quota()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(10);
        var small = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("quota", 1)))["id"]!;
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", small));
        var moving = new DelegateBuilder();
        var outside = (string)(await admin.RegisterExpectingCreatedAsync(forum, moving))["id"]!;

        var problem = await (await admin.PutJsonAsync($"/api/forums/{forum}/delegates/{outside}", moving.With("delegationId", small).Build()))
            .ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "quota-full");

        Assert.Equal(small, (string)problem["delegationId"]!);
        Assert.Equal(1, (int)problem["limit"]!);
    }

    [Fact]
    public async Task The_programme_and_the_forum_s_life_refuse_with_their_own_types()
    {
        var body = new ForumBuilder().With("startDate", "2027-05-20").With("endDate", "2027-05-21");
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync(body))["id"]!;
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        var session = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At(Slot, SlotEnd, "Hall A")))["id"]!;
        await (await admin.AssignAsync(forum, session, speaker)).ShouldBeAsync(HttpStatusCode.OK);

        var inUse = await (await admin.DeleteAsync($"/api/forums/{forum}/speakers/{speaker}")).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "still-referenced");
        Assert.Equal([session], inUse["sessionIds"]!.AsArray().Select(v => (string)v!));

        var moved = await (await admin.PutJsonAsync($"/api/forums/{forum}", body.With("startDate", "2027-06-01").With("endDate", "2027-06-02").Build()))
            .ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "programme-outside-dates");
        Assert.Equal([session], moved["sessionIds"]!.AsArray().Select(v => (string)v!));

        var undated = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        await (await admin.GetAsync($"/api/forums/{undated}/schedule.json")).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "dates-required");

        await admin.PublishForumExpectingOkAsync(forum);
        var published = await (await admin.DeleteAsync($"/api/forums/{forum}")).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "status-not-allowed");
        Assert.Equal("published", (string)published["currentStatus"]!);
        Assert.Equal(["draft", "archived"], published["allowedValues"]!.AsArray().Select(v => (string)v!));
        await (await admin.PostAsync($"/api/forums/{forum}/publish", null)).ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "status-not-allowed");
    }

    [Fact]
    public async Task A_reused_idempotency_key_and_a_reused_nonce_are_told_apart()
    {
        var key = Guid.NewGuid().ToString();
        await (await admin.PostJsonAsync("/api/forums", new ForumBuilder().Build(), ("Idempotency-Key", key))).ShouldBeAsync(HttpStatusCode.Created);
        await (await admin.PostJsonAsync("/api/forums", new ForumBuilder().Build(), ("Idempotency-Key", key)))
            .ShouldBeProblemOfTypeAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");

        var world = await OperationWalk.PublishedWorldAsync(admin);
        var first = (string)(await admin.GetDelegateExpectingOkAsync(world["forumId"], world["delegateId"]))["accreditationCode"]!;
        var other = (string)(await admin.RegisterExpectingCreatedAsync(world["forumId"]))["accreditationCode"]!;
        var nonce = Guid.NewGuid().ToString();
        await (await admin.PostJsonAsync($"/api/forums/{world["forumId"]}/check-ins", new JsonObject { ["accreditationCode"] = first, ["nonce"] = nonce }))
            .ShouldBeAsync(HttpStatusCode.Created);
        await (await admin.PostJsonAsync($"/api/forums/{world["forumId"]}/check-ins", new JsonObject { ["accreditationCode"] = other, ["nonce"] = nonce }))
            .ShouldBeProblemOfTypeAsync(HttpStatusCode.UnprocessableEntity, "nonce-reused");
    }
}
