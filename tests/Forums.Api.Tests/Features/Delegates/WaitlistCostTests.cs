using System.Data.Common;
using System.Net;
using Forums.Api.Domain;
using Forums.Api.Persistence;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Features.Delegates;

/// <summary>
/// Freeing a place costs what the places freed cost, not what the waitlist holds: every change that promotes runs
/// under the write lock of the whole database, so a walk over 20,000 waitlisted delegates of a full delegation once
/// made every cancel of the forum answer 503 after 30 s, and every other writer wait for it.
/// </summary>
public sealed class WaitlistCostTests : IClassFixture<WaitlistCostTests.CountingApi>
{
    private const int Waitlisted = 1_000;
    private readonly CountingApi api;
    private readonly HttpClient admin;

    public WaitlistCostTests(CountingApi api)
    {
        this.api = api;
        admin = api.CreateAdminClient();
    }

    /// <summary>Counts the statements that read the waitlist in its order (the promotion's candidate query).</summary>
    public sealed class WaitlistReads : DbCommandInterceptor
    {
        private int count;
        public int Count => count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"WaitlistedAt\"", StringComparison.Ordinal) && command.CommandText.Contains("ORDER BY", StringComparison.Ordinal))
                Interlocked.Increment(ref count);
            return ValueTask.FromResult(result);
        }
    }

    public sealed class CountingApi() : ForumsApiFactory(null, seed: false)
    {
        public WaitlistReads Reads { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<SqliteForumsDbContext>(o => o.AddInterceptors(Reads)));
        }
    }

    /// <summary>A forum whose delegation "Full" (quota 1) has a thousand waitlisted delegates, and a confirmed delegate of no delegation.</summary>
    private async Task<(string Forum, string Full, string Free)> CrowdedForumAsync()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var full = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("name", new System.Text.Json.Nodes.JsonObject { ["en"] = "Full" }).With("quota", 1)))["id"]!;
        var csv = "name,delegation\r\n" + string.Join("\r\n", Enumerable.Range(0, Waitlisted + 1).Select(i => $"Waiting {i},Full"));
        var imported = await (await admin.ImportAsync(forum, csv)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(Waitlisted, (int)imported["waitlisted"]!);
        var free = (string)(await admin.RegisterExpectingCreatedAsync(forum))["id"]!;
        return (forum, full, free);
    }

    [Fact]
    public async Task Cancelling_a_place_no_waitlisted_delegate_can_take_does_not_walk_the_waitlist()
    {
        var (forum, _, free) = await CrowdedForumAsync();
        var before = api.Reads.Count;

        var cancelled = await admin.DelegateActionExpectingOkAsync(forum, free, "cancel");

        Assert.Equal("cancelled", (string)cancelled["status"]!);
        Assert.InRange(api.Reads.Count - before, 0, 2);
        var full = await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum) && d.Status == RegistrationStatus.Waitlisted));
        Assert.Equal(Waitlisted, full);
    }

    [Fact]
    public async Task Renaming_a_delegation_or_a_forum_promotes_nobody_and_reads_no_waitlist()
    {
        var (forum, full, _) = await CrowdedForumAsync();
        var other = await admin.CreateDelegationExpectingCreatedAsync(forum);
        var before = api.Reads.Count;

        var renamed = await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{other["id"]}",
            new DelegationBuilder().With("name", new System.Text.Json.Nodes.JsonObject { ["en"] = "Renamed" }).Build());
        await renamed.ShouldBeAsync(HttpStatusCode.OK);
        var retitled = await admin.PutJsonAsync($"/api/forums/{forum}", new ForumBuilder().With("title", new System.Text.Json.Nodes.JsonObject { ["en"] = "Retitled" }).Build());
        await retitled.ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(0, api.Reads.Count - before);
    }

    [Fact]
    public async Task Raising_a_quota_promotes_as_many_as_it_makes_room_for_in_waitlist_order()
    {
        var (forum, full, _) = await CrowdedForumAsync();

        var raised = await admin.PutJsonAsync($"/api/forums/{forum}/delegations/{full}",
            new DelegationBuilder().With("name", new System.Text.Json.Nodes.JsonObject { ["en"] = "Full" }).With("quota", 4).Build());
        await raised.ShouldBeAsync(HttpStatusCode.OK);

        var confirmed = await api.WithDbAsync(db => db.Delegates.Where(d => d.DelegationId == Guid.Parse(full) && d.Status == RegistrationStatus.Confirmed)
            .Select(d => d.Name).ToListAsync());
        Assert.Equal(["Waiting 0", "Waiting 1", "Waiting 2", "Waiting 3"], confirmed.Order());
    }
}
