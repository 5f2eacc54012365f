using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegations;

internal static class DelegationHeads
{
    /// <summary>
    /// A head of delegation is one of its delegates, not cancelled (as appointing one checks): a head who is cancelled
    /// is its head no longer (one who would leave it is refused, <see cref="IsHeadAsync"/>). Call under the delegation's
    /// place lock when one is taken.
    /// </summary>
    public static Task<int> DismissAsync(ForumsDbContext db, Guid delegateId, DateTime now, CancellationToken ct) =>
        db.Delegations.Where(d => d.HeadDelegateId == delegateId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.HeadDelegateId, (Guid?)null)
                .SetProperty(d => d.UpdatedAt, now)
                .SetProperty(d => d.Version, d => d.Version + 1), ct);

    /// <summary>
    /// Whether the delegate heads a delegation: a head cannot leave it (<see cref="CannotLeave"/>) until the delegation
    /// appoints another head, or none. Call under the delegation's place lock, which appointing a head takes too.
    /// </summary>
    public static Task<bool> IsHeadAsync(ForumsDbContext db, Guid delegateId, CancellationToken ct) =>
        db.Delegations.AnyAsync(d => d.HeadDelegateId == delegateId, ct);

    public static IResult CannotLeave(Guid delegationId) =>
        Problems.Result(ProblemTypes.HeadCannotLeave,
            "This delegate is the head of their delegation and cannot leave it: appoint another head, or none, first.",
            (ProblemMembers.DelegationId, delegationId));
}
