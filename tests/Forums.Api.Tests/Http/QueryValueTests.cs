using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>A query value is read as one value of its type or refused naming the parameter: never OR-ed, never read as "no filter".</summary>
public sealed class QueryValueTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Theory]
    [InlineData("delegates?status=confirmed,waitlisted", "status")]
    [InlineData("delegates?status=confirmed&status=waitlisted", "status")]
    [InlineData("delegates?status=1", "status")]
    [InlineData("delegates?status=", "status")]
    [InlineData("delegates?delegationId=", "delegationId")]
    [InlineData("delegates?limit=", "limit")]
    [InlineData("delegates?limit=5,6", "limit")]
    [InlineData("delegates/export?status=confirmed,waitlisted", "status")]
    [InlineData("delegations?kind=country,region", "kind")]
    [InlineData("sessions?kind=2", "kind")]
    public async Task A_query_value_that_is_not_one_value_of_its_type_is_400_naming_it(string query, string parameter)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await admin.GetAsync($"/api/forums/{forum}/{query}");

        await response.ShouldBeInvalidAsync(parameter);
    }

    [Fact]
    public async Task Forums_listed_by_two_statuses_at_once_is_400()
    {
        await (await admin.GetAsync("/api/forums?status=draft,published")).ShouldBeInvalidAsync("status");
    }

    [Fact]
    public async Task ValidateOnly_without_a_value_is_400_and_writes_nothing()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var content = new StringContent("name\r\nNobody\r\n", System.Text.Encoding.UTF8, "text/csv");

        var response = await admin.PostAsync($"/api/forums/{forum}/delegates/import?validateOnly", content);

        await response.ShouldBeInvalidAsync("validateOnly");
        var page = await (await admin.GetAsync($"/api/forums/{forum}/delegates")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty(page["items"]!.AsArray());
    }

    [Fact]
    public async Task One_value_of_the_type_binds_in_any_case()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var confirmed = await admin.RegisterExpectingCreatedAsync(forum);
        var cancelled = await admin.RegisterExpectingCreatedAsync(forum);
        await admin.DelegateActionExpectingOkAsync(forum, (string)cancelled["id"]!, "cancel");

        foreach (var status in new[] { "confirmed", "CONFIRMED", "Confirmed" })
        {
            var page = await (await admin.GetAsync($"/api/forums/{forum}/delegates?status={status}&limit=5")).ShouldBeAsync(HttpStatusCode.OK);
            Assert.Equal([(string)confirmed["id"]!], page["items"]!.AsArray().Select(d => (string)d!["id"]!));
        }
    }

    [Fact]
    public async Task An_unknown_query_parameter_is_named_with_its_invisible_characters_escaped()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await admin.GetAsync($"/api/forums/{forum}/delegates?%E2%80%AEgnp.exe%E2%80%8B=1");

        var text = await response.Content.ReadAsStringAsync();
        await response.ShouldBeInvalidAsync("\\u202Egnp.exe\\u200B");
        Assert.False(text.Contains("\u202E"), text);
    }
}
