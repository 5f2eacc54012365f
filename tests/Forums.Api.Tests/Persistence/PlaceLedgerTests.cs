using System.Text.Json.Nodes;
using Forums.Api.Domain;
using Forums.Api.Features;
using Forums.Api.Persistence;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Persistence;

/// <summary>
/// The place ledger on its own: promotion from the waitlist (its count, its batches, its order, what it saves), a quota
/// moved within one delegation, its commands across transactions, and the order in which it takes its locks. The
/// forums are made through the API; the ledger is then called as the features call it, in a transaction.
/// </summary>
public sealed class PlaceLedgerTests(EmptyForumsApiFactory factory) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = factory.CreateAdminClient();

    [Fact]
    public async Task Promotion_counts_those_it_moved_up_and_saves_them_when_the_forum_fills()
    {
        var forumId = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        await admin.RegisterExpectingCreatedAsync(forumId);
        var waiting = await RegisterWaitlistedAsync(forumId, 3);

        var (promoted, statuses) = await PromoteAfterAsync(forumId, """UPDATE "Forums" SET "Capacity" = 3 WHERE "Id" = {0}""");

        Assert.Equal(2, promoted);
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted],
            waiting.Select(id => statuses[id]));
    }

    [Fact]
    public async Task Promotion_goes_on_past_one_batch_of_fifty()
    {
        var forumId = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        await admin.RegisterExpectingCreatedAsync(forumId);
        var waiting = await RegisterWaitlistedAsync(forumId, 51);

        var (promoted, statuses) = await PromoteAfterAsync(forumId, """UPDATE "Forums" SET "Capacity" = NULL WHERE "Id" = {0}""");

        Assert.Equal(51, promoted);
        Assert.All(waiting, id => Assert.Equal(RegistrationStatus.Confirmed, statuses[id]));
    }

    [Fact]
    public async Task Promotion_passes_over_one_whose_delegation_a_promotion_before_it_filled()
    {
        var forumId = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        var delegationId = (string)(await admin.CreateDelegationExpectingCreatedAsync(forumId, new DelegationBuilder().With("quota", 2)))["id"]!;
        await admin.RegisterExpectingCreatedAsync(forumId, new DelegateBuilder().With("delegationId", delegationId));
        var first = await RegisterWaitlistedAsync(forumId, 1, delegationId);
        var second = await RegisterWaitlistedAsync(forumId, 1, delegationId);
        var alone = await RegisterWaitlistedAsync(forumId, 1);

        var (promoted, statuses) = await PromoteAfterAsync(forumId, """UPDATE "Forums" SET "Capacity" = NULL WHERE "Id" = {0}""");

        Assert.Equal(2, promoted);
        Assert.Equal(RegistrationStatus.Confirmed, statuses[first[0]]);
        Assert.Equal(RegistrationStatus.Waitlisted, statuses[second[0]]);
        Assert.Equal(RegistrationStatus.Confirmed, statuses[alone[0]]);
    }

    [Fact]
    public async Task Of_two_delegates_waitlisted_at_the_same_instant_the_lower_id_moves_up_first()
    {
        var forumId = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        await admin.RegisterExpectingCreatedAsync(forumId);
        var waiting = await RegisterWaitlistedAsync(forumId, 2);
        // The later of the two gets the lowest id there is, and both the same time on the waitlist: only the id tells
        // them apart (the database, left to itself, returns them in the order they were written).
        var lowest = Guid.Parse("00000000-0000-7000-8000-000000000001");
        await factory.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Delegates" SET "Id" = {0} WHERE "Id" = {1}""",
                lowest.ToString().ToUpperInvariant(), waiting[1].ToString().ToUpperInvariant());
            return await db.Database.ExecuteSqlRawAsync("""UPDATE "Delegates" SET "WaitlistedAt" = (SELECT MIN("WaitlistedAt") FROM "Delegates" WHERE "ForumId" = {0}) WHERE "ForumId" = {0}""",
                forumId.ToUpperInvariant());
        });

        var (promoted, statuses) = await PromoteAfterAsync(forumId, """UPDATE "Forums" SET "Capacity" = 2 WHERE "Id" = {0}""");

        Assert.Equal(1, promoted);
        Assert.Equal(RegistrationStatus.Confirmed, statuses[lowest]);
        Assert.Equal(RegistrationStatus.Waitlisted, statuses[waiting[0]]);
    }

    [Fact]
    public async Task A_quota_moved_within_one_full_delegation_is_kept_where_it_is()
    {
        var forumId = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegationId = Guid.Parse((string)(await admin.CreateDelegationExpectingCreatedAsync(forumId, new DelegationBuilder().With("quota", 1)))["id"]!);
        await admin.RegisterExpectingCreatedAsync(forumId, new DelegateBuilder().With("delegationId", delegationId.ToString()));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumsDbContext>();
        var places = scope.ServiceProvider.GetRequiredService<PlaceLedger>();
        var moved = await db.InTransactionAsync(async ct => Outcome.Done(await places.MoveQuotaAsync(delegationId, delegationId, ct)), default);

        Assert.True(moved.Value);
        Assert.Equal(1, await db.Delegations.Where(d => d.Id == delegationId).Select(d => d.PlacesTaken).SingleAsync());
    }

    [Fact]
    public async Task The_ledger_refuses_to_count_outside_a_transaction()
    {
        var forumId = Guid.Parse(await admin.CreateForumWithCapacityExpectingCreatedAsync(1));
        await using var scope = factory.Services.CreateAsyncScope();
        var places = scope.ServiceProvider.GetRequiredService<PlaceLedger>();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => places.TryTakeAsync(forumId, null, default));

        Assert.Equal("The place ledger counts places only inside a transaction.", refused.Message);
    }

    [Fact]
    public async Task One_ledger_counts_in_one_transaction_after_another()
    {
        var forumId = Guid.Parse(await admin.CreateForumWithCapacityExpectingCreatedAsync(5));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumsDbContext>();
        var places = scope.ServiceProvider.GetRequiredService<PlaceLedger>();

        for (var i = 0; i < 2; i++)
            Assert.Equal(PlaceOutcome.Taken, (await db.InTransactionAsync(async ct => Outcome.Done(await places.TryTakeAsync(forumId, null, ct)), default)).Value);

        Assert.Equal(2, await db.Forums.Where(f => f.Id == forumId).Select(f => f.PlacesTaken).SingleAsync());
    }

    [Fact]
    public async Task Locks_are_taken_on_each_delegation_once_in_id_order_then_on_the_forum()
    {
        Guid forum = Guid.NewGuid(), a = Guid.Parse("10000000-0000-7000-8000-000000000000"),
            c = Guid.Parse("30000000-0000-7000-8000-000000000000");
        await using var capture = new SqlServerCapture();
        var places = capture.Services.GetRequiredService<PlaceLedger>();

        await capture.Db.InTransactionAsync(async ct =>
        {
            await places.LockAsync(forum, [c, null, a, c], ct);
            return Outcome.Done(0);
        }, default);

        Assert.Equal([("Delegations", a), ("Delegations", c), ("Forums", forum)], Locks(capture));
    }

    [Fact]
    public async Task Before_a_promotion_the_delegations_of_the_waitlist_are_locked_with_those_given()
    {
        Guid forum = Guid.NewGuid(), a = Guid.Parse("10000000-0000-7000-8000-000000000000"),
            b = Guid.Parse("20000000-0000-7000-8000-000000000000"), c = Guid.Parse("30000000-0000-7000-8000-000000000000");
        await using var capture = new SqlServerCapture();
        capture.Rows = sql => sql.Contains("DISTINCT") ? Ids(c, a) : null;
        var places = capture.Services.GetRequiredService<PlaceLedger>();

        await capture.Db.InTransactionAsync(async ct =>
        {
            await places.LockForPromotionAsync(forum, [b, a], ct);
            return Outcome.Done(0);
        }, default);

        Assert.Equal([("Delegations", a), ("Delegations", b), ("Delegations", c), ("Forums", forum)], Locks(capture));
    }

    /// <summary>The row locks the ledger took, in order: the table its no-op UPDATE wrote and the row's id.</summary>
    private static List<(string, Guid)> Locks(SqlServerCapture capture) =>
        capture.Sent.Where(c => c.Text.Contains("SET \"PlacesTaken\" = \"PlacesTaken\" WHERE"))
            .Select(c => (c.Text.Contains("\"Forums\"") ? "Forums" : "Delegations", (Guid)c.Values.Single()!)).ToList();

    private static System.Data.DataTable Ids(params Guid[] ids)
    {
        var table = new System.Data.DataTable();
        table.Columns.Add("DelegationId", typeof(Guid));
        foreach (var id in ids)
            table.Rows.Add(id);
        return table;
    }

    /// <summary>Registers delegates who find no place (one at a time, a second apart on the clock); returns their ids in order.</summary>
    private async Task<List<Guid>> RegisterWaitlistedAsync(string forumId, int count, string? delegationId = null)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            var registered = await admin.RegisterExpectingCreatedAsync(forumId, new DelegateBuilder().With("delegationId", delegationId));
            Assert.Equal("waitlisted", (string)registered["status"]!);
            ids.Add(Guid.Parse((string)registered["id"]!));
        }
        return ids;
    }

    /// <summary>
    /// In one transaction, as a feature does: the locks, the change that frees places (SQL with the forum's id as {0}),
    /// the promotion; then, before it commits, every delegate's status as the database holds it.
    /// </summary>
    private async Task<(int Promoted, Dictionary<Guid, RegistrationStatus> Statuses)> PromoteAfterAsync(string forumId, string change)
    {
        var forum = Guid.Parse(forumId);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumsDbContext>();
        var places = scope.ServiceProvider.GetRequiredService<PlaceLedger>();
        var outcome = await db.InTransactionAsync(async ct =>
        {
            await places.LockForPromotionAsync(forum, [], ct);
            await db.Database.ExecuteSqlRawAsync(change, [forumId.ToUpperInvariant()], ct);
            var promoted = await places.PromoteWaitlistedAsync(forum, requiresApproval: false, factory.Clock.GetUtcNow().UtcDateTime, ct);
            var statuses = await db.Delegates.AsNoTracking().Where(d => d.ForumId == forum).ToDictionaryAsync(d => d.Id, d => d.Status, ct);
            return Outcome.Done((promoted, statuses));
        }, default);
        return outcome.Value;
    }
}
