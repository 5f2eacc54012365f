using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Features.CheckIns;

public sealed class CheckInTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    private Task<HttpResponseMessage> Scan(string forum, string code, string? nonce = null) =>
        admin.PostJsonAsync($"/api/forums/{forum}/check-ins", new JsonObject { ["accreditationCode"] = code, ["nonce"] = nonce ?? Guid.NewGuid().ToString() });

    [Fact]
    public async Task Checking_in_twice_records_one_check_in_and_says_since_when()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegate_ = await admin.RegisterExpectingCreatedAsync(forum);
        var code = (string)delegate_["accreditationCode"]!;

        var first = await (await Scan(forum, code)).ShouldBeAsync(HttpStatusCode.Created);
        api.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await (await Scan(forum, code.ToLowerInvariant().Replace("-", " "))).ShouldBeAsync(HttpStatusCode.OK);

        Assert.False((bool)first["alreadyCheckedIn"]!);
        Assert.True((bool)second["alreadyCheckedIn"]!);
        Assert.Equal((string)first["checkedInAt"]!, (string)second["checkedInAt"]!);
        var read = await admin.GetDelegateExpectingOkAsync(forum, (string)delegate_["id"]!);
        Assert.Equal((string)first["checkedInAt"]!, (string)read["checkedInAt"]!);
        var summary = await (await admin.GetAsync($"/api/forums/{forum}/check-ins/summary")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)summary["checkedIn"]!);
        Assert.Equal(2, (int)summary["scans"]!);
    }

    [Fact]
    public async Task A_delegate_cancelled_after_checking_in_is_no_longer_counted_as_checked_in()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var staying = await admin.RegisterExpectingCreatedAsync(forum);
        var leaving = await admin.RegisterExpectingCreatedAsync(forum);
        await (await Scan(forum, (string)staying["accreditationCode"]!)).ShouldBeAsync(HttpStatusCode.Created);
        await (await Scan(forum, (string)leaving["accreditationCode"]!)).ShouldBeAsync(HttpStatusCode.Created);
        await admin.RegisterExpectingCreatedAsync(forum);

        await admin.DelegateActionExpectingOkAsync(forum, (string)leaving["id"]!, "cancel");

        var summary = await (await admin.GetAsync($"/api/forums/{forum}/check-ins/summary")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)summary["confirmed"]!);
        Assert.Equal(1, (int)summary["checkedIn"]!);
        Assert.Equal(1, (int)summary["notYetCheckedIn"]!);
        Assert.Equal(2, (int)summary["scans"]!);
    }

    [Fact]
    public async Task The_summary_counts_by_delegation_and_by_day_in_the_forums_zone_and_filters_by_delegation()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum))["id"]!;
        var empty = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum))["id"]!;
        var member = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation));
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation));
        var alone = await admin.RegisterExpectingCreatedAsync(forum);
        await (await Scan(forum, (string)member["accreditationCode"]!)).ShouldBeAsync(HttpStatusCode.Created);
        // 09:00 UTC is 14:00 in Almaty; twelve hours later it is 02:00 the next day there.
        api.Clock.Advance(TimeSpan.FromHours(12));
        await (await Scan(forum, (string)alone["accreditationCode"]!)).ShouldBeAsync(HttpStatusCode.Created);
        await (await Scan(forum, (string)member["accreditationCode"]!)).ShouldBeAsync(HttpStatusCode.OK);

        var all = await (await admin.GetAsync($"/api/forums/{forum}/check-ins/summary")).ShouldBeAsync(HttpStatusCode.OK);
        var one = await (await admin.GetAsync($"/api/forums/{forum}/check-ins/summary?delegationId={delegation}")).ShouldBeAsync(HttpStatusCode.OK);

        var first = DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime.AddHours(-12 + 5)).ToString("yyyy-MM-dd");
        var next = DateOnly.FromDateTime(api.Clock.GetUtcNow().UtcDateTime.AddHours(5)).ToString("yyyy-MM-dd");
        Assert.Equal((3, 2, 1, 3), Totals(all));
        var expected = new Dictionary<string, string> { [delegation] = $"{delegation} 2 1 1 2", [empty] = $"{empty} 0 0 0 0" };
        var listed = await (await admin.GetAsync($"/api/forums/{forum}/delegations")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(listed["items"]!.AsArray().Select(d => expected[(string)d!["id"]!]).Append(" 1 1 0 1"),
            Rows(all["byDelegation"]!, "delegationId", "confirmed", "checkedIn", "notYetCheckedIn", "scans"));
        Assert.Equal([$"{first} 1 1", $"{next} 1 2"], Rows(all["byDay"]!, "date", "checkedIn", "scans"));
        Assert.Equal((2, 1, 1, 2), Totals(one));
        Assert.Equal([$"{delegation} 2 1 1 2"], Rows(one["byDelegation"]!, "delegationId", "confirmed", "checkedIn", "notYetCheckedIn", "scans"));
        Assert.Equal([$"{first} 1 1", $"{next} 0 1"], Rows(one["byDay"]!, "date", "checkedIn", "scans"));
    }

    private static (int, int, int, int) Totals(JsonObject summary) =>
        ((int)summary["confirmed"]!, (int)summary["checkedIn"]!, (int)summary["notYetCheckedIn"]!, (int)summary["scans"]!);

    private static List<string> Rows(JsonNode rows, params string[] fields) =>
        rows.AsArray().Select(r => string.Join(" ", fields.Select(f => r![f]?.ToString() ?? ""))).ToList();

    [Fact]
    public async Task A_retried_scan_with_the_same_nonce_counts_once_and_answers_as_the_first()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var code = (string)(await admin.RegisterExpectingCreatedAsync(forum))["accreditationCode"]!;
        var nonce = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Scan(forum, code, nonce)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(1, await api.WithDbAsync(db => db.CheckIns.CountAsync(c => c.ForumId == Guid.Parse(forum))));
        await (await Scan(forum, (string)(await admin.RegisterExpectingCreatedAsync(forum))["accreditationCode"]!, nonce)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Two_doors_scanning_one_badge_at_once_check_it_in_once()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var code = (string)(await admin.RegisterExpectingCreatedAsync(forum))["accreditationCode"]!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Scan(forum, code)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Cancelled_unconfirmed_and_unknown_codes_are_refused()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        var confirmed = await admin.RegisterExpectingCreatedAsync(forum);
        var waitlisted = await admin.RegisterExpectingCreatedAsync(forum);
        await admin.DelegateActionExpectingOkAsync(forum, (string)confirmed["id"]!, "cancel");
        var other = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var elsewhere = await admin.RegisterExpectingCreatedAsync(other);

        var cancelled = await (await Scan(forum, (string)confirmed["accreditationCode"]!)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("cancelled", (string)cancelled["detail"]!);
        // The waitlisted delegate was promoted by the cancellation; a new waitlisted one is refused.
        var stillWaiting = await admin.RegisterExpectingCreatedAsync(forum);
        await (await Scan(forum, (string)stillWaiting["accreditationCode"]!)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await Scan(forum, "ZZZZ-ZZZZ-ZZZZ-ZZZZ")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Scan(forum, (string)elsewhere["accreditationCode"]!)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Scan(forum, "short")).ShouldBeInvalidAsync("accreditationCode");
        await (await Scan(forum, (string)waitlisted["accreditationCode"]!, nonce: "has space")).ShouldBeInvalidAsync("nonce");
    }

    [Fact]
    public async Task A_confirmed_delegate_has_a_badge_with_a_qr_code_and_others_have_none()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        var confirmed = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder("Нұралхан Көшеров"));
        var waitlisted = await admin.RegisterExpectingCreatedAsync(forum);

        var badge = await (await admin.GetAsync($"/api/forums/{forum}/delegates/{confirmed["id"]}/badge")).ShouldBeAsync(HttpStatusCode.OK);
        var png = await admin.GetAsync($"/api/forums/{forum}/delegates/{confirmed["id"]}/badge/qr.png");

        Assert.Equal((string)confirmed["accreditationCode"]!, (string)badge["accreditationCode"]!);
        Assert.Equal("Нұралхан Көшеров", (string)badge["name"]!);
        Assert.StartsWith("<svg", ((string)badge["qrCodeSvg"]!).TrimStart());
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], (await png.Content.ReadAsByteArrayAsync())[..4]);
        var slug = (string)(await (await admin.GetAsync($"/api/forums/{forum}")).ShouldBeAsync(HttpStatusCode.OK))["slug"]!;
        Assert.Equal($"{slug}-badge-{confirmed["accreditationCode"]}.png", png.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        await (await admin.GetAsync($"/api/forums/{forum}/delegates/{waitlisted["id"]}/badge")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await admin.GetAsync($"/api/forums/{forum}/delegates/{waitlisted["id"]}/badge/qr.png")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_delegate_of_no_delegation_has_a_badge_without_one_and_a_badge_under_a_missing_forum_or_delegate_is_a_404_naming_which()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        var alone = await admin.RegisterExpectingCreatedAsync(forum);
        var waitlisted = await admin.RegisterExpectingCreatedAsync(forum);
        var unknown = Guid.NewGuid();

        var badge = await (await admin.GetAsync($"/api/forums/{forum}/delegates/{alone["id"]}/badge")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Null(badge["delegation"]);
        var notConfirmed = await (await admin.GetAsync($"/api/forums/{forum}/delegates/{waitlisted["id"]}/badge")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The registration is waitlisted, not confirmed: no badge.", (string)notConfirmed["detail"]!);
        foreach (var path in new[] { "badge", "badge/qr.png" })
        {
            var noForum = await (await admin.GetAsync($"/api/forums/{unknown}/delegates/{alone["id"]}/{path}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            var noDelegate = await (await admin.GetAsync($"/api/forums/{forum}/delegates/{unknown}/{path}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal($"There is no forum with id '{unknown}'.", (string)noForum["detail"]!);
            Assert.Equal($"This forum has no delegate with id '{unknown}'.", (string)noDelegate["detail"]!);
        }
    }

    [Fact]
    public async Task The_badge_carries_the_forums_title_and_the_delegations_name_and_is_the_forums_own()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder()
            .With("name", new JsonObject { ["kk"] = "Түркістан облысы", ["en"] = "Turkistan region" })))["id"]!;
        var member = (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation)))["id"]!;
        var alone = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;
        var otherForum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var badge = await (await admin.GetAsync($"/api/forums/{forum}/delegates/{member}/badge")).ShouldBeAsync(HttpStatusCode.OK);
        var noDelegation = await (await admin.GetAsync($"/api/forums/{forum}/delegates/{alone}/badge")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(["Test forum", "Сынақ форумы"], new[] { "en", "kk" }.Select(tag => (string)badge["forumTitle"]![tag]!));
        Assert.Equal(["Turkistan region", "Түркістан облысы"], new[] { "en", "kk" }.Select(tag => (string)badge["delegation"]![tag]!));
        Assert.Null(noDelegation["delegation"]);
        foreach (var path in new[] { "badge", "badge/qr.png" })
            await (await admin.GetAsync($"/api/forums/{otherForum}/delegates/{member}/{path}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
