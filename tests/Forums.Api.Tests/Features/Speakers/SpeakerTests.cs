using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Speakers;

public sealed class SpeakerTests(SeededForumsApiFactory api) : IClassFixture<SeededForumsApiFactory>
{
    private const string SeedForum = "019ac7e1-5f00-7000-8000-000000000001";
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task Organisers_see_the_delegate_link_and_the_public_only_the_profile()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        await admin.PublishForumExpectingOkAsync(forum);
        var delegate_ = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;

        var created = await admin.CreateSpeakerExpectingCreatedAsync(forum, new SpeakerBuilder("Ю Мин Бон").With("nameLatin", "Yu Min-bong").With("delegateId", delegate_));
        var profile = await (await api.CreateClient().GetAsync($"/api/forums/{forum}/speakers/{created["id"]}")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(delegate_, (string)created["delegateId"]!);
        var record = await (await admin.GetAsync($"/api/forums/{forum}/speakers/{created["id"]}/record")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(created.ToJsonString(), record.ToJsonString());
        await (await api.CreateClient().GetAsync($"/api/forums/{forum}/speakers/{created["id"]}/record")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(["biography", "id", "name", "nameLatin", "organisation", "photoUrl", "position"], profile.Select(p => p.Key).Order());
        Assert.Equal("Yu Min-bong", (string)profile["nameLatin"]!);
    }

    [Theory]
    [InlineData("ЧЖО")]
    [InlineData("cho tae")]
    [InlineData("CHO TAE-IK")]
    public async Task Speakers_are_found_by_name_in_either_script(string q)
    {
        var page = await (await api.CreateClient().GetAsync($"/api/forums/{SeedForum}/speakers?q={Uri.EscapeDataString(q)}")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(["Чжо Тэ Ик"], page["items"]!.AsArray().Select(s => (string)s!["name"]!));
    }

    /// <summary>Every field the speaker's search text holds (Speaker.Update), each searched for alone.</summary>
    [Theory]
    [InlineData("name")]
    [InlineData("nameLatin")]
    [InlineData("organisation")]
    public async Task Search_finds_a_speaker_by_each_searched_field_alone(string field)
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var words = new Dictionary<string, string> { ["name"] = SearchWords.Cyrillic(), ["nameLatin"] = SearchWords.Latin(), ["organisation"] = SearchWords.Cyrillic() };
        var id = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum, new SpeakerBuilder(words["name"]).With("nameLatin", words["nameLatin"])
            .With("organisation", SearchWords.InSecondLanguage(words["organisation"]))))["id"]!;
        await admin.CreateSpeakerExpectingCreatedAsync(forum);

        var page = await (await admin.GetAsync($"/api/forums/{forum}/speakers?q={Uri.EscapeDataString(words[field].ToUpperInvariant())}"))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal([id], page["items"]!.AsArray().Select(s => (string)s!["id"]!));
    }

    [Fact]
    public async Task A_speaker_on_a_session_is_not_deleted_until_removed_from_it()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        var session = (string)(await admin.CreateSessionExpectingCreatedAsync(forum))["id"]!;
        await (await admin.AssignAsync(forum, session, speaker)).ShouldBeAsync(HttpStatusCode.OK);

        var refused = await (await admin.DeleteAsync($"/api/forums/{forum}/speakers/{speaker}")).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(session, (string)refused["detail"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/forums/{forum}/sessions/{session}/speakers/{speaker}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/forums/{forum}/speakers/{speaker}")).StatusCode);
    }

    [Fact]
    public async Task Invalid_speakers_name_their_fields_and_a_delegate_is_linked_once()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var delegate_ = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;
        var first = await admin.CreateSpeakerExpectingCreatedAsync(forum, new SpeakerBuilder().With("delegateId", delegate_));

        await (await admin.PostJsonAsync($"/api/forums/{forum}/speakers", new SpeakerBuilder().With("name", "").With("photoUrl", "http://insecure.example/p.jpg").Build()))
            .ShouldBeInvalidAsync("name", "photoUrl");
        await (await admin.PostJsonAsync($"/api/forums/{forum}/speakers", new SpeakerBuilder().With("delegateId", Guid.NewGuid().ToString()).Build()))
            .ShouldBeInvalidAsync("delegateId");
        var twice = await (await admin.PostJsonAsync($"/api/forums/{forum}/speakers", new SpeakerBuilder().With("delegateId", delegate_).Build()))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.EndsWith((string)first["id"]!, (string)twice["existing"]!);
    }

    [Fact]
    public async Task A_speaker_is_replaced_with_if_match()
    {
        var forum = await admin.CreateScheduledForumExpectingCreatedAsync();
        var body = new SpeakerBuilder();
        var id = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum, body))["id"]!;
        var read = await admin.GetAsync($"/api/forums/{forum}/speakers/{id}");

        var updated = await (await admin.PutJsonAsync($"/api/forums/{forum}/speakers/{id}", body.With("photoUrl", null).Build(), ("If-Match", read.ETag())))
            .ShouldBeAsync(HttpStatusCode.OK);

        Assert.Null(updated["photoUrl"]);
        await (await admin.PutJsonAsync($"/api/forums/{forum}/speakers/{id}", body.Build(), ("If-Match", read.ETag())))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }
}
