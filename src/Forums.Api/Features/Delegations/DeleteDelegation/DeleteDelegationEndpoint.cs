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
            .ProducesProblems(400, 404, 409, 412), clearDefaults: true);
    }

    public override async Task HandleAsync(DelegationChangeRequest req, CancellationToken ct)
    {
        // Counted and deleted under the delegation's lock: a registration into it waits, then finds it gone.
        var refused = await db.TryInTransactionAsync(async c =>
        {
            var (_, delegation, problem) = await DelegationChanges.LoadAsync(db, User, req.ForumId, req.DelegationId, req.IfMatch, c,
                lockFirst: () => places.LockAsync(req.ForumId, [req.DelegationId], c));
            if (problem is not null)
                return problem;
            var members = await db.Delegates.CountAsync(d => d.DelegationId == delegation!.Id, c);
            if (members > 0)
                return Problems.Conflict($"The delegation has {members} delegates; move them to another delegation or none first.");
            db.Delegations.Remove(delegation!);
            return await ConditionalWrites.SaveAsync(db, req.IfMatch, null, c);
        }, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }
        await Send.NoContentAsync(ct);
    }
}
