using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Delegates.ReinstateDelegate;

internal sealed class ReinstateDelegateEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time) : DelegateTransitionEndpoint(db, time)
{
    protected override string Action => "reinstate";
    protected override string OperationId => "reinstateDelegate";
    protected override string OperationSummary => "Register a cancelled delegate again";
    protected override string OperationDescription =>
        "As a new registration: confirmed (or pending) while a place is free, else waitlisted at the end of the list.";

    protected override ProblemType[] Refusals => [ProblemTypes.StatusNotAllowed];

    protected override async Task<IResult?> ApplyAsync(ForumDelegate delegate_, ForumScope forum, DateTime now, CancellationToken ct)
    {
        // A delegate that is not cancelled refuses below, and the transaction gives the place back.
        var outcome = await places.TryTakeAsync(forum.Id, delegate_.DelegationId, ct);
        delegate_.Reinstate(outcome == PlaceOutcome.Taken, forum.RequiresApproval, now);
        return null;
    }
}
