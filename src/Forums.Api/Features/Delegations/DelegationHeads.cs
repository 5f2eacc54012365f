using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegations;

internal static class DelegationHeads
{
    /// <summary>
    /// A head of delegation is one of its delegates, not cancelled (as appointing one checks): a head who is cancelled
    /// or leaves the delegation is its head no longer. Call under the delegation's place lock when one is taken.
    /// </summary>
    public static Task<int> DismissAsync(ForumsDbContext db, Guid delegateId, DateTime now, CancellationToken ct) =>
        db.Delegations.Where(d => d.HeadDelegateId == delegateId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.HeadDelegateId, (Guid?)null)
                .SetProperty(d => d.UpdatedAt, now)
                .SetProperty(d => d.Version, d => d.Version + 1), ct);
}
