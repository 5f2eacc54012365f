using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Delegates;

public sealed class ListDelegatesTests(SeededForumsApiFactory api) : IClassFixture<SeededForumsApiFactory>
{
    private const string SeedForum = "019ac7e1-5f00-7000-8000-000000000001";
    private readonly HttpClient admin = api.CreateAdminClient();

    [Theory]
    [InlineData("Көшеров")]
    [InlineData("көшеров")]
    [InlineData("КӨШЕРОВ")]
    [InlineData("KUSHEROV")]
    [InlineData("kusherov")]
    [InlineData("Нұралхан")]
    public async Task Search_finds_the_akim_by_either_script_in_any_case(string q)
    {
        var page = await (await admin.GetAsync($"/api/forums/{SeedForum}/delegates?q={Uri.EscapeDataString(q)}")).ShouldBeAsync(HttpStatusCode.OK);

        var found = Assert.Single(page["items"]!.AsArray())!;
        Assert.Equal("Нұралхан Көшеров", (string)found["name"]!);
        Assert.Equal("Nuralkhan Kusherov", (string)found["nameLatin"]!);
    }

    [Theory]
    [InlineData("garok", "Ю Мин Бон")]
    [InlineData("WOOSONG", "Чон Ёнг Хва")]
    [InlineData("ТЭ ИК", "Чжо Тэ Ик")]
    public async Task Search_finds_delegates_by_organisation_and_name_parts(string q, string name)
    {
        var page = await (await admin.GetAsync($"/api/forums/{SeedForum}/delegates?q={Uri.EscapeDataString(q)}")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal([name], page["items"]!.AsArray().Select(d => (string)d!["name"]!));
    }

    /// <summary>Every field the delegate's search text holds (ForumDelegate.Update), each searched for alone, in the list and the export.</summary>
    [Theory]
    [InlineData("name")]
    [InlineData("nameLatin")]
    [InlineData("organisation")]
    [InlineData("email")]
    public async Task Search_finds_a_delegate_by_each_searched_field_alone(string field)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var words = new Dictionary<string, string>
        {
            ["name"] = SearchWords.Cyrillic(), ["nameLatin"] = SearchWords.Latin(), ["organisation"] = SearchWords.Cyrillic(), ["email"] = SearchWords.Latin(),
        };
        var id = (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder(words["name"]).With("nameLatin", words["nameLatin"])
            .With("organisation", SearchWords.InSecondLanguage(words["organisation"])).With("email", $"{words["email"]}@example.kz")))["id"]!;
        await admin.RegisterExpectingCreatedAsync(forum);
        var q = Uri.EscapeDataString(words[field].ToUpperInvariant());

        var page = await (await admin.GetAsync($"/api/forums/{forum}/delegates?q={q}")).ShouldBeAsync(HttpStatusCode.OK);
        var csv = await (await admin.GetAsync($"/api/forums/{forum}/delegates/export?q={q}")).Content.ReadAsStringAsync();

        Assert.Equal([id], page["items"]!.AsArray().Select(d => (string)d!["id"]!));
        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(id, csv);
    }

    [Fact]
    public async Task Search_finds_a_delegate_by_email()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var registered = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", "Protocol@Turkistan.gov.kz"));

        var page = await (await admin.GetAsync($"/api/forums/{forum}/delegates?q=PROTOCOL%40turkistan")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal([(string)registered["id"]!], page["items"]!.AsArray().Select(d => (string)d!["id"]!));
    }

    [Fact]
    public async Task Lists_filter_by_status_delegation_and_country_and_page_in_name_order()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(3);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum))["id"]!;
        var names = new[] { "Ә", "Б", "В", "Г", "Ғ" };
        foreach (var name in names)
            await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder(name).With("nameLatin", null).With("delegationId", name == "Ғ" ? delegation : null)
                .With("country", name == "Б" ? "KR" : "KZ"));

        var confirmed = await Names($"/api/forums/{forum}/delegates?status=confirmed&limit=100");
        var waitlisted = await Names($"/api/forums/{forum}/delegates?status=waitlisted&limit=100");
        var inDelegation = await Names($"/api/forums/{forum}/delegates?delegationId={delegation}");
        var korean = await Names($"/api/forums/{forum}/delegates?country=kr");

        // Name order is the code-point order of the folded names: "ә" (U+04D9) comes after "в" (U+0432).
        Assert.Equal(["Б", "В", "Ә"], confirmed);
        Assert.Equal(["Г", "Ғ"], waitlisted);
        Assert.Equal(["Ғ"], inDelegation);
        Assert.Equal(["Б"], korean);

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"/api/forums/{forum}/delegates?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).ShouldBeAsync(HttpStatusCode.OK);
            seen.AddRange(page["items"]!.AsArray().Select(d => (string)d!["name"]!));
            cursor = (string?)page["nextCursor"];
        }
        while (cursor is not null);
        Assert.Equal(["Б", "В", "Г", "Ғ", "Ә"], seen);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=bm90LWEta2V5", "cursor")]
    [InlineData("status=gone", "status")]
    [InlineData("delegationId=nope", "delegationId")]
    public async Task Bad_list_parameters_are_400_naming_the_parameter(string query, string field)
    {
        await (await admin.GetAsync($"/api/forums/{SeedForum}/delegates?{query}")).ShouldBeInvalidAsync(field);
    }

    [Fact]
    public async Task The_seeded_people_are_confirmed_with_positions_in_kazakh_and_english_and_no_contact_data()
    {
        var page = await (await admin.GetAsync($"/api/forums/{SeedForum}/delegates?limit=100")).ShouldBeAsync(HttpStatusCode.OK);
        var people = page["items"]!.AsArray().Select(d => d!.AsObject()).ToList();

        Assert.Equal(5, people.Count);
        Assert.All(people, p =>
        {
            Assert.Equal("confirmed", (string)p["status"]!);
            Assert.Null(p["email"]);
            Assert.Null(p["phone"]);
            Assert.NotNull((string?)p["position"]!["kk"]);
            Assert.NotNull((string?)p["position"]!["en"]);
            Assert.NotNull((string?)p["nameLatin"]);
        });
        var ambassador = people.Single(p => (string)p["nameLatin"]! == "Cho Tae-ik");
        Assert.Equal("Корея Республикасының Қазақстандағы елшісі", (string)ambassador["position"]!["kk"]!);
    }

    private async Task<List<string>> Names(string url)
    {
        var page = await (await admin.GetAsync(url)).ShouldBeAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Select(d => (string)d!["name"]!).ToList();
    }
}
