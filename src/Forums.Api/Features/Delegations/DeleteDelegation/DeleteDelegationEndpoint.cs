using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegations.DeleteDelegation;

internal sealed class DeleteDelegationEndpoint(ForumsDbContext db) : Endpoint<DelegationChangeRequest>
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
        var (_, delegation, refused) = await DelegationChanges.LoadAsync(db, User, req.ForumId, req.DelegationId, req.IfMatch, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }
        var members = await db.Delegates.CountAsync(d => d.DelegationId == delegation!.Id, ct);
        if (members > 0)
        {
            await Send.ResultAsync(Problems.Conflict($"The delegation has {members} delegates; move them to another delegation or none first."));
            return;
        }

        db.Delegations.Remove(delegation!);
        if (await ConditionalWrites.SaveAsync(db, req.IfMatch, null, ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }
        await Send.NoContentAsync(ct);
    }
}
