using System.Security.Claims;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegations;

internal static class DelegationChanges
{
    /// <summary>
    /// Loads a delegation to change it, or the problem that stops the change (404, or 412 for a stale If-Match). Inside
    /// a transaction, <paramref name="lockFirst"/> takes the place ledger's locks once the caller's access is known and
    /// before the delegation is read, so that its counter is read as the lock holds it.
    /// </summary>
    public static async Task<(ForumScope? Forum, Delegation? Delegation, IResult? Problem)> LoadAsync(
        ForumsDbContext db, ClaimsPrincipal caller, Guid forumId, Guid delegationId, string? ifMatch, CancellationToken ct,
        Func<Task>? lockFirst = null)
    {
        var (forum, missing) = await ForumScope.ForOrganiserAsync(db, caller, forumId, ct);
        if (missing is not null)
            return (null, null, missing);
        if (lockFirst is not null)
            await lockFirst();
        var delegation = await db.Delegations.FirstOrDefaultAsync(d => d.Id == delegationId && d.ForumId == forumId, ct);
        if (delegation is null)
            return (null, null, DelegationProblems.NotFound(delegationId));
        return ConditionalWrites.CheckIfMatch(ifMatch, delegation) is { } stale ? (null, null, stale) : (forum, delegation, null);
    }

    /// <summary>
    /// A head of delegation is one of its delegates, not cancelled (as appointing one checks): a head who is cancelled
    /// or leaves the delegation is its head no longer. Call under the delegation's place lock when one is taken.
    /// </summary>
    public static Task<int> DismissHeadAsync(ForumsDbContext db, Guid delegateId, DateTime now, CancellationToken ct) =>
        db.Delegations.Where(d => d.HeadDelegateId == delegateId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.HeadDelegateId, (Guid?)null)
                .SetProperty(d => d.UpdatedAt, now)
                .SetProperty(d => d.Version, d => d.Version + 1), ct);
}
