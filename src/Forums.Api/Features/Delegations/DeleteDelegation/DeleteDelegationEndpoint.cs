using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegations.DeleteDelegation;

internal sealed class DeleteDelegationEndpoint(ForumsDbContext db, PlaceLedger places) : Endpoint<DelegationChangeRequest>
{
    public override void Configure()
    {
        Delete("{delegationId}");
        Group<DelegationsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("deleteDelegation")
            .WithSummary("Delete a delegation that has no delegates")
            .WithDescription("A delegation with delegates, cancelled ones included, answers 409: move or remove them first.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(400, 404, 412)
            .ProducesProblems(ProblemTypes.StillReferenced, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently), clearDefaults: true);
    }

    public override async Task HandleAsync(DelegationChangeRequest req, CancellationToken ct)
    {
        // Counted and deleted under the delegation's lock: a registration into it waits, then finds it gone.
        var outcome = await db.InTransactionAsync(async c =>
        {
            var loaded = await Changes.LoadAsync(db, db.Delegations, User, req.ForumId, req.DelegationId, req.IfMatch, DelegationProblems.NotFound, c,
                lockFirst: () => places.LockAsync(req.ForumId, [req.DelegationId], c));
            if (loaded.Problem is not null)
                return loaded;
            var delegation = loaded.Value!.Entity;
            var members = await db.Delegates.CountAsync(d => d.DelegationId == delegation.Id, c);
            if (members > 0)
                return Outcome.Refused(Problems.Result(ProblemTypes.StillReferenced,
                    $"The delegation has {members} delegates; move them to another delegation or none first."));
            db.Delegations.Remove(delegation);
            return await ConditionalWrites.SaveAsync(db, req.IfMatch, null, c) is { } raced ? Outcome.Refused(raced) : loaded;
        }, ct);
        if (outcome.Problem is { } refused)
        {
            await Send.ResultAsync(refused);
            return;
        }
        await Send.NoContentAsync(ct);
    }
}
