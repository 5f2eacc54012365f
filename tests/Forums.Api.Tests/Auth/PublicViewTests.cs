using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Auth;

/// <summary>What an anonymous caller sees: published forums and their public programme, never personal data or drafts.</summary>
public sealed class PublicViewTests(SeededForumsApiFactory api) : IClassFixture<SeededForumsApiFactory>
{
    private const string SeedSlug = "central-asia-korea-ii";

    // Fields of personal data and of secrets; none may ever reach an anonymous caller.
    private static readonly HashSet<string> PrivateFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "email", "phone", "needs", "diet", "access", "accreditationCode", "checkedInAt", "checkIn", "token", "secretHash", "prefix",
        "delegateId",
    };

    [Fact]
    public async Task No_anonymous_answer_of_a_public_operation_carries_personal_data()
    {
        var anonymous = api.CreateClient();
        var admin = api.CreateAdminClient();
        var document = await (await anonymous.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);
        var seed = await (await anonymous.GetAsync($"/api/forum-slugs/{SeedSlug}")).ShouldBeAsync(HttpStatusCode.OK);
        var forumId = (string)seed["id"]!;
        // Personal data that must stay private: a delegate with contact data and needs, who is also a speaker.
        const string email = "private.person@example.kz", phone = "+7 700 123 45 67", diet = "nut allergy";
        var person = await admin.RegisterExpectingCreatedAsync(forumId, new DelegateBuilder("Жеке Адам").With("email", email).With("phone", phone)
            .With("needs", new JsonObject { ["diet"] = diet }));
        var speaker = await admin.CreateSpeakerExpectingCreatedAsync(forumId, new SpeakerBuilder().With("delegateId", (string)person["id"]!));
        var delegations = await (await anonymous.GetAsync($"/api/forums/{forumId}/delegations")).ShouldBeAsync(HttpStatusCode.OK);
        var sessions = await (await anonymous.GetAsync($"/api/forums/{forumId}/sessions")).ShouldBeAsync(HttpStatusCode.OK);
        await (await admin.AssignAsync(forumId, (string)sessions["items"]![0]!["id"]!, (string)speaker["id"]!)).ShouldBeAsync(HttpStatusCode.OK);
        var values = new Dictionary<string, string>
        {
            ["forumId"] = forumId,
            ["slug"] = SeedSlug,
            ["delegationId"] = (string)delegations["items"]![0]!["id"]!,
            ["speakerId"] = (string)speaker["id"]!,
            ["sessionId"] = (string)sessions["items"]![0]!["id"]!,
            ["problemType"] = "email-taken",
        };

        var publicReads = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Verb: o.Key, Operation: o.Value!.AsObject())))
            .Where(o => o.Verb == "get" && (string)o.Operation["x-access"]! == "public")
            .ToList();
        Assert.NotEmpty(publicReads);

        foreach (var (path, _, operation) in publicReads)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m =>
                values.TryGetValue(m.Groups[1].Value, out var value) ? value
                    : throw new Xunit.Sdk.XunitException($"{operation["operationId"]}: give the test a value for {{{m.Groups[1].Value}}}"));
            var response = await anonymous.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(operation["responses"]!.AsObject().ContainsKey(((int)response.StatusCode).ToString()),
                $"{operation["operationId"]} answered {(int)response.StatusCode}, which it does not declare");

            foreach (var secret in new[] { email, phone, diet, (string)person["accreditationCode"]!, (string)person["id"]! })
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{operation["operationId"]} shows '{secret}' to anonymous callers");
            if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json") == true)
            {
                var leaked = FieldNames(JsonNode.Parse(text)).Where(PrivateFields.Contains).ToList();
                Assert.True(leaked.Count == 0, $"{operation["operationId"]} shows {string.Join(", ", leaked)} to anonymous callers");
            }
        }
    }

    [Fact]
    public async Task Drafts_and_drafts_archived_unpublished_are_invisible_to_anonymous_callers()
    {
        var admin = api.CreateAdminClient();
        var anonymous = api.CreateClient();
        var draft = await admin.CreateForumExpectingCreatedAsync();
        var archivedDraft = await admin.CreateForumExpectingCreatedAsync();
        await (await admin.PostAsync($"/api/forums/{archivedDraft["id"]}/archive", null)).ShouldBeAsync(HttpStatusCode.OK);

        foreach (var hidden in new[] { draft, archivedDraft })
        {
            await (await anonymous.GetAsync($"/api/forums/{hidden["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await anonymous.GetAsync($"/api/forum-slugs/{hidden["slug"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await anonymous.GetAsync($"/api/forums/{hidden["id"]}/agenda")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            var page = await (await anonymous.GetAsync($"/api/forums?q={hidden["slug"]}")).ShouldBeAsync(HttpStatusCode.OK);
            Assert.Empty(page["items"]!.AsArray());
        }
        var drafts = await (await anonymous.GetAsync("/api/forums?status=draft")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty(drafts["items"]!.AsArray());
        var listed = await (await anonymous.GetAsync("/api/forums?limit=100")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.All(listed["items"]!.AsArray(), f => Assert.NotEqual("draft", (string)f!["status"]!));
    }

    /// <summary>An archived forum is read-only, not withdrawn: the public still reads it and its programme (issue 14, item 15).</summary>
    [Fact]
    public async Task A_forum_archived_after_publication_stays_public_with_its_programme()
    {
        var admin = api.CreateAdminClient();
        var anonymous = api.CreateClient();
        var archived = await admin.CreateForumExpectingCreatedAsync();
        await admin.PublishForumExpectingOkAsync((string)archived["id"]!);
        await (await admin.PostAsync($"/api/forums/{archived["id"]}/archive", null)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal("archived", (string)(await (await anonymous.GetAsync($"/api/forums/{archived["id"]}")).ShouldBeAsync(HttpStatusCode.OK))["status"]!);
        await (await anonymous.GetAsync($"/api/forum-slugs/{archived["slug"]}")).ShouldBeAsync(HttpStatusCode.OK);
        await (await anonymous.GetAsync($"/api/forums/{archived["id"]}/agenda")).ShouldBeAsync(HttpStatusCode.OK);
        await (await anonymous.GetAsync($"/api/forums/{archived["id"]}/sessions")).ShouldBeAsync(HttpStatusCode.OK);
        var page = await (await anonymous.GetAsync($"/api/forums?q={archived["slug"]}")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal((string)archived["id"]!, (string)page["items"]![0]!["id"]!);
    }

    [Fact]
    public async Task An_organiser_sees_its_own_drafts_and_no_one_elses()
    {
        var admin = api.CreateAdminClient();
        var own = await admin.CreateForumExpectingCreatedAsync();
        var foreign = await admin.CreateForumExpectingCreatedAsync();
        var (_, token) = await admin.CreateOrganiserTokenExpectingCreatedAsync((string)own["id"]!);
        var organiser = api.CreateClientWithToken(token);

        var drafts = await (await organiser.GetAsync("/api/forums?status=draft&limit=100")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal([(string)own["id"]!], drafts["items"]!.AsArray().Select(f => (string)f!["id"]!));
        await (await organiser.GetAsync($"/api/forums/{own["id"]}")).ShouldBeAsync(HttpStatusCode.OK);
        await (await organiser.GetAsync($"/api/forums/{foreign["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var seed = await (await organiser.GetAsync($"/api/forum-slugs/{SeedSlug}")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal("published", (string)seed["status"]!);
    }

    private static IEnumerable<string> FieldNames(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => FieldNames(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(FieldNames),
        _ => [],
    };
}
