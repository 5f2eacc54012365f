using Forums.Api.Domain;
using Forums.Api.Features.Delegations;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Delegates.CancelDelegate;

internal sealed class CancelDelegateEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time) : DelegateTransitionEndpoint(db, time)
{
    protected override string Action => "cancel";
    protected override string OperationId => "cancelDelegate";
    protected override string OperationSummary => "Cancel a registration; its place goes to the longest-waiting delegate";
    protected override string OperationDescription =>
        "A confirmed or pending delegate's place is given at once to the first waitlisted delegate whose delegation has room.";

    protected override ProblemType[] Refusals => [ProblemTypes.DelegateCancelled];

    protected override async Task<IResult?> ApplyAsync(ForumDelegate delegate_, ForumScope forum, DateTime now, CancellationToken ct)
    {
        var heldPlace = delegate_.HoldsPlace;
        delegate_.Cancel(now);
        if (!heldPlace)
        {
            await DelegationHeads.DismissAsync(Db, delegate_.Id, now, ct);
            return null;
        }
        await places.LockForPromotionAsync(forum.Id, [delegate_.DelegationId], ct);
        await DelegationHeads.DismissAsync(Db, delegate_.Id, now, ct);
        await places.ReleaseAsync(forum.Id, delegate_.DelegationId, ct);
        await Db.SaveChangesAsync(ct);
        await places.PromoteWaitlistedAsync(forum.Id, forum.RequiresApproval, now, ct);
        return null;
    }
}
