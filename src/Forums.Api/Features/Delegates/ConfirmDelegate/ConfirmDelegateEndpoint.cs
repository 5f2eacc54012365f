using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Delegates.ConfirmDelegate;

internal sealed class ConfirmDelegateEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time) : DelegateTransitionEndpoint(db, time)
{
    protected override string Action => "confirm";
    protected override string OperationId => "confirmDelegate";
    protected override string OperationSummary => "Confirm a pending registration, or a waitlisted one while a place is free";
    protected override string OperationDescription =>
        "A pending delegate already holds a place. A waitlisted one takes a free place, or the answer is 409 (forum or delegation full).";

    protected override ProblemType[] Refusals => [ProblemTypes.StatusNotAllowed, ProblemTypes.DelegateCancelled, ProblemTypes.ForumFull, ProblemTypes.QuotaFull];

    protected override async Task<IResult?> ApplyAsync(ForumDelegate delegate_, ForumScope forum, DateTime now, CancellationToken ct)
    {
        if (delegate_.Status == RegistrationStatus.Waitlisted
            && await places.TryTakeAsync(forum.Id, delegate_.DelegationId, ct) is var outcome and not PlaceOutcome.Taken)
            return await DelegateProblems.NoPlaceAsync(Db, outcome, forum.Id, delegate_.DelegationId, ct);
        delegate_.Confirm(now);
        return null;
    }
}
