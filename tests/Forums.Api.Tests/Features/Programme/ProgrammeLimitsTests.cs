using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Domain;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Programme;

/// <summary>
/// The programme's documents are built whole on each read, so what they may hold is capped when it is written:
/// sessions per forum, speaker places per forum, and the texts they repeat.
/// </summary>
public sealed class ProgrammeLimitsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateTime Now = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Dictionary<string, string> Text(int languages, int length, char fill) =>
        Enumerable.Range(0, languages).ToDictionary(i => i == 0 ? "en" : $"x-l{i:00}", _ => new string(fill, length));

    private static JsonObject Json(Dictionary<string, string> text) => new(text.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));

    /// <summary>Fills a forum's programme straight into the database, each text as long as the API lets it be.</summary>
    private static async Task<(List<Guid> Sessions, List<Guid> Speakers)> FillAsync(ForumsApiFactory api, string forumId, int sessions,
        int speakers, int speakersPerSession, char fill)
    {
        var forum = Guid.Parse(forumId);
        return await api.WithDbAsync(async db =>
        {
            var speakerIds = new List<Guid>();
            for (var i = 0; i < speakers; i++)
            {
                var speaker = Speaker.Create(Guid.CreateVersion7(), forum, new SpeakerDetails(new string(fill, 200), new string(fill, 200),
                    Text(2, 300, fill), Text(2, 300, fill), Text(2, 5_000, fill), "https://example.org/" + new string('p', 2_000), null), Now);
                db.Speakers.Add(speaker);
                speakerIds.Add(speaker.Id);
            }
            var sessionIds = new List<Guid>();
            var first = new DateTime(2027, 5, 1, 0, 0, 0, DateTimeKind.Utc);
            for (var i = 0; i < sessions; i++)
            {
                var start = first.AddDays(i % 31).AddMinutes(i / 31 * 60);
                var session = Session.Create(Guid.CreateVersion7(), forum, new SessionDetails(Text(3, 300, fill), Text(1, 5_000, fill),
                    SessionKind.Panel, i, new TimeSlot(start, start.AddMinutes(50)), $"{new string(fill, 90)} {i}",
                    Enumerable.Range(0, 30).Select(l => $"x-l{l:00}").ToList(), [], null), Now);
                db.Sessions.Add(session);
                sessionIds.Add(session.Id);
                for (var s = 0; s < speakersPerSession; s++)
                    db.SessionSpeakers.Add(SessionSpeaker.Assign(session.Id, speakerIds[(i * speakersPerSession + s) % speakers], SpeakerRole.Speaker, s + 1));
            }
            await db.SaveChangesAsync();
            return (sessionIds, speakerIds);
        });
    }

    [Fact]
    public async Task A_programme_holds_at_most_500_sessions_and_1000_speaker_places()
    {
        using var api = new EmptyForumsApiFactory();
        var admin = api.CreateAdminClient();
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("startDate", "2027-05-01").With("endDate", "2027-05-31")))["id"]!;
        var (sessions, speakers) = await FillAsync(api, forum, Session.MaxPerForum, 10, 2, 'x');

        var problem = await (await admin.PostJsonAsync($"/api/forums/{forum}/sessions", new SessionBuilder().Build())).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("at most 500 sessions", (string)problem["detail"]!);

        var extra = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        problem = await (await admin.AssignAsync(forum, sessions[0].ToString(), extra)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("at most 1,000 speakers", (string)problem["detail"]!);
        // Changing a place that exists takes none more.
        await (await admin.AssignAsync(forum, sessions[0].ToString(), speakers[0].ToString(), "moderator")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/forums/{forum}/sessions/{sessions[^1]}")).StatusCode);
        await admin.CreateSessionExpectingCreatedAsync(forum);
        await (await admin.AssignAsync(forum, sessions[0].ToString(), extra)).ShouldBeAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("title", 4, 300)]
    [InlineData("description", 2, 3_000)]
    public async Task A_session_text_longer_than_its_total_in_all_languages_is_400_naming_it(string field, int languages, int length)
    {
        using var api = new EmptyForumsApiFactory();
        var admin = api.CreateAdminClient();
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/sessions", new SessionBuilder().With(field, Json(Text(languages, length, 'x'))).Build());

        var problem = await response.ShouldBeInvalidAsync(field);
        Assert.Contains("in all languages together", (string)problem["errors"]![field]![0]!);
    }

    [Theory]
    [InlineData("position", 3, 300)]
    [InlineData("organisation", 3, 300)]
    [InlineData("biography", 3, 5_000)]
    public async Task A_speaker_text_longer_than_its_total_in_all_languages_is_400_naming_it(string field, int languages, int length)
    {
        using var api = new EmptyForumsApiFactory();
        var admin = api.CreateAdminClient();
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/speakers", new SpeakerBuilder().With(field, Json(Text(languages, length, 'x'))).Build());

        var problem = await response.ShouldBeInvalidAsync(field);
        Assert.Contains("in all languages together", (string)problem["errors"]![field]![0]!);
    }

    /// <summary>
    /// The widest forum the API accepts (31 days, 500 sessions, 1,000 speaker places, every text at its cap, written
    /// in '&lt;', which JSON escapes to six bytes) served by its own process: each document stays bounded, also while
    /// four clients read all three at once.
    /// </summary>
    [Fact]
    public async Task The_widest_forums_documents_are_bounded()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        string forum;
        using (var api = new ForumsApiFactory(folder, seed: false))
        {
            var admin = api.CreateAdminClient();
            forum = (string)(await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("startDate", "2027-05-01").With("endDate", "2027-05-31")))["id"]!;
            await FillAsync(api, forum, Session.MaxPerForum, 500, SessionSpeaker.MaxPerForum / Session.MaxPerForum, '<');
            await admin.PublishForumExpectingOkAsync(forum);
        }

        await using var process = await ApiProcess.StartAsync(folder);
        using var client = new HttpClient { BaseAddress = new Uri(process.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
        output.WriteLine($"peak resident set at start: {process.PeakResidentBytes / 1_048_576.0:N0} MB");
        foreach (var view in new[] { "agenda", "programme.ics", "schedule.json" })
        {
            var watch = Stopwatch.StartNew();
            var response = await client.GetAsync($"/api/forums/{forum}/{view}");
            var bytes = (await response.Content.ReadAsByteArrayAsync()).LongLength;
            output.WriteLine($"{view}: {(int)response.StatusCode}, {bytes / 1_048_576.0:N1} MB in {watch.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(bytes < 64L * 1_048_576, $"{view} is {bytes:N0} bytes");
        }
        output.WriteLine($"peak resident set after one read of each: {process.PeakResidentBytes / 1_048_576.0:N0} MB");
        var readers = Enumerable.Range(0, 4).SelectMany(_ => new[] { "agenda", "programme.ics", "schedule.json" })
            .Select(async view => (await client.GetAsync($"/api/forums/{forum}/{view}")).StatusCode);
        Assert.All(await Task.WhenAll(readers), status => Assert.Equal(HttpStatusCode.OK, status));

        // The memory this costs is measured by the benchmark (`-- memory`), not asserted here: the machines are shared.
        output.WriteLine($"peak resident set: {process.PeakResidentBytes / 1_048_576.0:N0} MB");
    }
}
