using System.Net;
using Forums.Api.Domain;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Features.Delegates;

/// <summary>Changes that constrain places, racing the registrations that take them: the counters stay true and within their limits.</summary>
public sealed class PlaceRaceTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task Registrations_racing_a_lower_quota_or_capacity_and_moves_between_delegations_never_overbook()
    {
        for (var round = 0; round < 20; round++)
        {
            var forumBody = new ForumBuilder().With("capacity", 60).With("requiresApproval", round % 3 == 0);
            var forum = (string)(await admin.CreateForumExpectingCreatedAsync(forumBody))["id"]!;
            var north = new DelegationBuilder().With("quota", 40);
            var south = new DelegationBuilder().With("quota", 40);
            var northId = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, north))["id"]!;
            var southId = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, south))["id"]!;
            var movers = new List<(string Id, DelegateBuilder Body, string To)>();
            for (var i = 0; i < 6; i++)
            {
                var (from, to) = i % 2 == 0 ? (northId, southId) : (southId, northId);
                var body = new DelegateBuilder().With("delegationId", from);
                movers.Add(((string)(await admin.RegisterExpectingCreatedAsync(forum, body))["id"]!, body, to));
            }

            var registrations = Enumerable.Range(0, 50).Select(i => admin.PostJsonAsync($"/api/forums/{forum}/delegates",
                new DelegateBuilder().With("delegationId", (i % 3) switch { 0 => northId, 1 => southId, _ => null }).Build()));
            var moves = movers.Select(m => admin.PutJsonAsync($"/api/forums/{forum}/delegates/{m.Id}", m.Body.With("delegationId", m.To).Build()));
            // Lowered a few milliseconds in, while registrations are taking places: either refused (409) or kept from then on.
            var constraint = Task.Run(async () =>
            {
                await Task.Delay(round % 5);
                return round % 2 == 0
                    ? await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{northId}", north.With("quota", 8).Build())
                    : await admin.PutJsonAsync($"/api/forums/{forum}", forumBody.With("capacity", 20).Build());
            });
            var answers = await Task.WhenAll(registrations.Concat(moves).Append(constraint));

            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Conflict,
                $"round {round}: {(int)a.StatusCode} {a.Content.ReadAsStringAsync().Result}"));
            await AssertCountersTrueAndWithinLimits(forum, round);
        }
    }

    private async Task AssertCountersTrueAndWithinLimits(string forumId, int round)
    {
        var id = Guid.Parse(forumId);
        var (forum, delegations, holders) = await api.WithDbAsync(async db => (
            await db.Forums.AsNoTracking().Where(f => f.Id == id).Select(f => new { f.PlacesTaken, f.Capacity }).SingleAsync(),
            await db.Delegations.AsNoTracking().Where(d => d.ForumId == id).Select(d => new { d.Id, d.PlacesTaken, d.Quota }).ToListAsync(),
            await db.Delegates.AsNoTracking()
                .Where(d => d.ForumId == id && (d.Status == RegistrationStatus.Confirmed || d.Status == RegistrationStatus.Pending))
                .Select(d => d.DelegationId).ToListAsync()));

        Assert.True(holders.Count == forum.PlacesTaken, $"round {round}: the forum counts {forum.PlacesTaken} places, {holders.Count} delegates hold one");
        Assert.True(forum.PlacesTaken <= forum.Capacity, $"round {round}: {forum.PlacesTaken} places taken, capacity {forum.Capacity}");
        foreach (var delegation in delegations)
        {
            var rows = holders.Count(h => h == delegation.Id);
            Assert.True(rows == delegation.PlacesTaken, $"round {round}: a delegation counts {delegation.PlacesTaken} places, {rows} of its delegates hold one");
            Assert.True(delegation.PlacesTaken <= delegation.Quota, $"round {round}: a delegation holds {delegation.PlacesTaken} places, quota {delegation.Quota}");
        }
    }
}
