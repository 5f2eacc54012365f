using System.Net;
using System.Text.Json.Nodes;
using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Auth;

/// <summary>
/// Every operation of the OpenAPI document, called by each kind of caller, answers what its access level says.
/// An operation without a row here fails the walk: a new endpoint is born with its row.
/// </summary>
public sealed class AuthorizationMatrixTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private enum Who { Anonymous, BadToken, OtherOrganiser, Organiser, Admin }

    /// <summary>
    /// What one call needs: forum A (a draft that requires approval) with its organiser's token, a spare token, a delegation
    /// with a pending delegate, an empty delegation, and a cancelled delegate.
    /// </summary>
    private sealed record World(string ForumId, string ForumSlug, string OrganiserToken, string OrganiserTokenId, string SpareTokenId,
        string DelegationId, string EmptyDelegationId, string PendingDelegateId, string CancelledDelegateId,
        string SpeakerId, string SpareSpeakerId, string SessionId, string ConfirmedDelegateId, string ConfirmedCode);

    private sealed record Row(Func<World, HttpRequestMessage> Request, int Anonymous, int BadToken, int OtherOrganiser, int Organiser, int Admin)
    {
        public int Expected(Who who) => who switch
        {
            Who.Anonymous => Anonymous,
            Who.BadToken => BadToken,
            Who.OtherOrganiser => OtherOrganiser,
            Who.Organiser => Organiser,
            _ => Admin,
        };
    }

    private static HttpRequestMessage Call(HttpMethod method, string url, JsonNode? body = null) =>
        new(method, url) { Content = body is null ? null : new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Patch(string url, JsonNode body) =>
        new(HttpMethod.Patch, url) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/merge-patch+json") };

    private static readonly Dictionary<string, Row> Matrix = new()
    {
        ["listForums"] = new(_ => Call(HttpMethod.Get, "/api/forums"), 200, 401, 200, 200, 200),
        ["getForum"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}"), 404, 401, 404, 200, 200),
        ["getForumBySlug"] = new(w => Call(HttpMethod.Get, $"/api/forum-slugs/{w.ForumSlug}"), 404, 401, 404, 200, 200),
        ["createForum"] = new(_ => Call(HttpMethod.Post, "/api/forums", new ForumBuilder().Build()), 401, 401, 403, 403, 201),
        ["updateForum"] = new(w => Call(HttpMethod.Put, $"/api/forums/{w.ForumId}", new ForumBuilder(w.ForumSlug).Build()), 401, 401, 404, 200, 200),
        ["patchForum"] = new(w => Patch($"/api/forums/{w.ForumId}", new JsonObject { ["capacity"] = 50 }), 401, 401, 404, 200, 200),
        ["publishForum"] = new(w => Call(HttpMethod.Post, $"/api/forums/{w.ForumId}/publish"), 401, 401, 404, 200, 200),
        ["archiveForum"] = new(w => Call(HttpMethod.Post, $"/api/forums/{w.ForumId}/archive"), 401, 401, 404, 200, 200),
        ["deleteForum"] = new(w => Call(HttpMethod.Delete, $"/api/forums/{w.ForumId}"), 401, 401, 403, 403, 204),
        ["createToken"] = new(w => Call(HttpMethod.Post, "/api/tokens",
            new JsonObject { ["name"] = "Desk", ["role"] = "organiser", ["forumIds"] = new JsonArray(w.ForumId) }), 401, 401, 403, 403, 201),
        ["listTokens"] = new(_ => Call(HttpMethod.Get, "/api/tokens"), 401, 401, 403, 403, 200),
        ["getToken"] = new(w => Call(HttpMethod.Get, $"/api/tokens/{w.OrganiserTokenId}"), 401, 401, 403, 403, 200),
        ["revokeToken"] = new(w => Call(HttpMethod.Post, $"/api/tokens/{w.SpareTokenId}/revoke"), 401, 401, 403, 403, 200),
        ["createDelegation"] = new(w => Call(HttpMethod.Post, $"/api/forums/{w.ForumId}/delegations", new DelegationBuilder().Build()), 401, 401, 404, 201, 201),
        ["listDelegations"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/delegations"), 404, 401, 404, 200, 200),
        ["getDelegation"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/delegations/{w.DelegationId}"), 404, 401, 404, 200, 200),
        ["updateDelegation"] = new(w => Call(HttpMethod.Put, $"/api/forums/{w.ForumId}/delegations/{w.DelegationId}", new DelegationBuilder().Build()), 401, 401, 404, 200, 200),
        ["patchDelegation"] = new(w => Patch($"/api/forums/{w.ForumId}/delegations/{w.DelegationId}", new JsonObject { ["quota"] = 5 }), 401, 401, 404, 200, 200),
        ["deleteDelegation"] = new(w => Call(HttpMethod.Delete, $"/api/forums/{w.ForumId}/delegations/{w.EmptyDelegationId}"), 401, 401, 404, 204, 204),
        ["registerDelegate"] = new(w => Call(HttpMethod.Post, $"/api/forums/{w.ForumId}/delegates", new DelegateBuilder().Build()), 401, 401, 404, 201, 201),
        ["listDelegates"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/delegates"), 401, 401, 404, 200, 200),
        ["getDelegate"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/delegates/{w.PendingDelegateId}"), 401, 401, 404, 200, 200),
        ["updateDelegate"] = new(w => Call(HttpMethod.Put, $"/api/forums/{w.ForumId}/delegates/{w.PendingDelegateId}", new DelegateBuilder().Build()), 401, 401, 404, 200, 200),
        ["patchDelegate"] = new(w => Patch($"/api/forums/{w.ForumId}/delegates/{w.PendingDelegateId}", new JsonObject { ["phone"] = "+7 700 000 0000" }), 401, 401, 404, 200, 200),
        ["cancelDelegate"] = new(w => Call(HttpMethod.Post, $"/api/forums/{w.ForumId}/delegates/{w.PendingDelegateId}/cancel"), 401, 401, 404, 200, 200),
        ["confirmDelegate"] = new(w => Call(HttpMethod.Post, $"/api/forums/{w.ForumId}/delegates/{w.PendingDelegateId}/confirm"), 401, 401, 404, 200, 200),
        ["reinstateDelegate"] = new(w => Call(HttpMethod.Post, $"/api/forums/{w.ForumId}/delegates/{w.CancelledDelegateId}/reinstate"), 401, 401, 404, 200, 200),
        ["importDelegates"] = new(w => new HttpRequestMessage(HttpMethod.Post, $"/api/forums/{w.ForumId}/delegates/import")
        {
            Content = new StringContent(CsvFiles.File(2, i => CsvFiles.Row(i, email: $"{Guid.NewGuid():N}@example.kz")), System.Text.Encoding.UTF8, "text/csv"),
        }, 401, 401, 404, 200, 200),
        ["exportDelegates"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/delegates/export"), 401, 401, 404, 200, 200),
        ["getBadge"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/delegates/{w.ConfirmedDelegateId}/badge"), 401, 401, 404, 200, 200),
        ["getBadgeQrCode"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/delegates/{w.ConfirmedDelegateId}/badge/qr.png"), 401, 401, 404, 200, 200),
        ["checkInDelegate"] = new(w => Call(HttpMethod.Post, $"/api/forums/{w.ForumId}/check-ins",
            new JsonObject { ["accreditationCode"] = w.ConfirmedCode, ["nonce"] = Guid.NewGuid().ToString() }), 401, 401, 404, 201, 201),
        ["getCheckInSummary"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/check-ins/summary"), 401, 401, 404, 200, 200),
        ["getPlaces"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/places"), 401, 401, 404, 200, 200),
        ["getLiveness"] = new(_ => Call(HttpMethod.Get, "/health/live"), 200, 401, 200, 200, 200),
        ["getReadiness"] = new(_ => Call(HttpMethod.Get, "/health/ready"), 200, 401, 200, 200, 200),
        ["listProblemTypes"] = new(_ => Call(HttpMethod.Get, "/problems"), 200, 401, 200, 200, 200),
        ["getProblemType"] = new(_ => Call(HttpMethod.Get, "/problems/room-clash"), 200, 401, 200, 200, 200),
        ["createSpeaker"] = new(w => Call(HttpMethod.Post, $"/api/forums/{w.ForumId}/speakers", new SpeakerBuilder().Build()), 401, 401, 404, 201, 201),
        ["listSpeakers"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/speakers"), 404, 401, 404, 200, 200),
        ["getSpeaker"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/speakers/{w.SpeakerId}"), 404, 401, 404, 200, 200),
        ["getSpeakerRecord"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/speakers/{w.SpeakerId}/record"), 401, 401, 404, 200, 200),
        ["updateSpeaker"] = new(w => Call(HttpMethod.Put, $"/api/forums/{w.ForumId}/speakers/{w.SpeakerId}", new SpeakerBuilder().Build()), 401, 401, 404, 200, 200),
        ["patchSpeaker"] = new(w => Patch($"/api/forums/{w.ForumId}/speakers/{w.SpeakerId}", new JsonObject { ["photoUrl"] = null }), 401, 401, 404, 200, 200),
        ["deleteSpeaker"] = new(w => Call(HttpMethod.Delete, $"/api/forums/{w.ForumId}/speakers/{w.SpareSpeakerId}"), 401, 401, 404, 204, 204),
        ["createSession"] = new(w => Call(HttpMethod.Post, $"/api/forums/{w.ForumId}/sessions", new SessionBuilder().Build()), 401, 401, 404, 201, 201),
        ["listSessions"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/sessions"), 404, 401, 404, 200, 200),
        ["getSession"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/sessions/{w.SessionId}"), 404, 401, 404, 200, 200),
        ["updateSession"] = new(w => Call(HttpMethod.Put, $"/api/forums/{w.ForumId}/sessions/{w.SessionId}", new SessionBuilder().Build()), 401, 401, 404, 200, 200),
        ["patchSession"] = new(w => Patch($"/api/forums/{w.ForumId}/sessions/{w.SessionId}", new JsonObject { ["room"] = "Hall C" }), 401, 401, 404, 200, 200),
        ["deleteSession"] = new(w => Call(HttpMethod.Delete, $"/api/forums/{w.ForumId}/sessions/{w.SessionId}"), 401, 401, 404, 204, 204),
        ["assignSpeaker"] = new(w => Call(HttpMethod.Put, $"/api/forums/{w.ForumId}/sessions/{w.SessionId}/speakers/{w.SpareSpeakerId}",
            new JsonObject { ["role"] = "moderator", ["order"] = 2 }), 401, 401, 404, 200, 200),
        ["removeSpeaker"] = new(w => Call(HttpMethod.Delete, $"/api/forums/{w.ForumId}/sessions/{w.SessionId}/speakers/{w.SpeakerId}"), 401, 401, 404, 204, 204),
        ["getAgenda"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/agenda"), 404, 401, 404, 200, 200),
        ["exportCalendar"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/programme.ics"), 404, 401, 404, 200, 200),
        ["exportSchedule"] = new(w => Call(HttpMethod.Get, $"/api/forums/{w.ForumId}/schedule.json"), 404, 401, 404, 200, 200),
    };

    [Fact]
    public async Task Every_operation_answers_each_caller_as_its_access_level_says()
    {
        var admin = api.CreateAdminClient();
        var document = await (await admin.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (string)o.Value!["operationId"]!)).Order().ToList();
        Assert.Equal(operations, Matrix.Keys.Order().ToList());

        var otherForum = (string)(await admin.CreateForumExpectingCreatedAsync())["id"]!;
        var (_, otherToken) = await admin.CreateOrganiserTokenExpectingCreatedAsync(otherForum);
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var world = await NewWorldAsync(admin);
                using var client = who switch
                {
                    Who.Anonymous => api.CreateClient(),
                    Who.BadToken => api.CreateClientWithToken("fat_this-token-was-never-issued-by-the-api"),
                    Who.OtherOrganiser => api.CreateClientWithToken(otherToken),
                    Who.Organiser => api.CreateClientWithToken(world.OrganiserToken),
                    _ => api.CreateAdminClient(),
                };
                var response = await client.SendAsync(Matrix[operation].Request(world));
                var expected = Matrix[operation].Expected(who);
                if ((int)response.StatusCode != expected)
                    failures.Add($"{operation} as {who}: expected {expected}, got {(int)response.StatusCode}");
                else if (expected >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{operation} as {who}: {expected} is not problem details");
                else if (expected == 401 && !response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer"))
                    failures.Add($"{operation} as {who}: 401 without WWW-Authenticate: Bearer");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_endpoint_declares_its_access_level()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<EndpointDefinition>() is not null).ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.True(e.Metadata.GetMetadata<AccessMetadata>() is not null, $"{e.DisplayName} declares no access level"));
    }

    [Fact]
    public async Task The_document_declares_the_bearer_scheme_and_each_operations_access()
    {
        var document = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal("bearer", (string)document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!);
        foreach (var operation in document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!.AsObject())))
        {
            var access = (string)operation["x-access"]!;
            var security = operation["security"]!.AsArray();
            Assert.Contains(security, r => r!.AsObject().ContainsKey("bearer"));
            Assert.Equal(access == "public", security.Any(r => r!.AsObject().Count == 0));
            Assert.NotNull(operation["responses"]!["401"]);
            Assert.Equal(access == "admin", operation["responses"]!["403"] is not null);
            Assert.Contains("Access:", (string)operation["description"]!);
        }
    }

    private static async Task<World> NewWorldAsync(HttpClient admin)
    {
        var forum = await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("requiresApproval", true)
            .With("startDate", "2027-05-20").With("endDate", "2027-05-21"));
        var id = (string)forum["id"]!;
        var (tokenId, token) = await admin.CreateOrganiserTokenExpectingCreatedAsync(id);
        var (spareId, _) = await admin.CreateOrganiserTokenExpectingCreatedAsync(id);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(id))["id"]!;
        var emptyDelegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(id))["id"]!;
        var pending = (string)(await admin.RegisterExpectingCreatedAsync(id, new DelegateBuilder().With("delegationId", delegation)))["id"]!;
        var cancelled = (string)(await admin.RegisterExpectingCreatedAsync(id))["id"]!;
        await admin.DelegateActionExpectingOkAsync(id, cancelled, "cancel");
        var confirmed = await admin.RegisterExpectingCreatedAsync(id);
        await admin.DelegateActionExpectingOkAsync(id, (string)confirmed["id"]!, "confirm");
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(id))["id"]!;
        var spareSpeaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(id))["id"]!;
        var session = (string)(await admin.CreateSessionExpectingCreatedAsync(id, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A")))["id"]!;
        await (await admin.AssignAsync(id, session, speaker)).ShouldBeAsync(HttpStatusCode.OK);
        return new World(id, (string)forum["slug"]!, token, tokenId, spareId, delegation, emptyDelegation, pending, cancelled,
            speaker, spareSpeaker, session, (string)confirmed["id"]!, (string)confirmed["accreditationCode"]!);
    }
}
