using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegations.UpdateDelegation;

internal sealed class UpdateDelegationEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time)
    : Endpoint<UpdateDelegationRequest, DelegationResponse>
{
    public override void Configure()
    {
        Put("{delegationId}");
        Group<DelegationsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("updateDelegation")
            .WithSummary("Replace a delegation's fields and appoint its head")
            .WithDescription("Raising the quota gives free places to the delegation's longest-waiting delegates. The quota cannot go below the places its delegates hold (409).")
            .Accepts<UpdateDelegationRequest>("application/json")
            .Produces<DelegationResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 409, 412, 415), clearDefaults: true);
    }

    public override async Task HandleAsync(UpdateDelegationRequest req, CancellationToken ct)
    {
        Delegation? delegation = null;
        // One transaction under the place ledger's lock: the quota is checked against the places held as the lock holds
        // them, and the waitlisted that a higher quota lets in are promoted before anyone else can take the room.
        var refused = await db.TryInTransactionAsync(async c =>
        {
            (var forum, delegation, var problem) = await DelegationChanges.LoadAsync(db, User, req.ForumId, req.DelegationId, req.IfMatch, c,
                lockFirst: () => places.LockForPromotionAsync(req.ForumId, [req.DelegationId], c));
            if (problem is not null)
                return problem;
            if (req.HeadDelegateId is { } head && !await db.Delegates.AnyAsync(d =>
                    d.Id == head && d.DelegationId == delegation!.Id && d.Status != RegistrationStatus.Cancelled, c))
                return Problems.BadRequest("headDelegateId", "The head of delegation must be one of its delegates, not cancelled.");

            var now = time.GetUtcNow().UtcDateTime;
            var oldQuota = delegation!.Quota;
            delegation.Update(req.ToDetails(), now);
            delegation.AppointHead(req.HeadDelegateId, now);
            if (await ConditionalWrites.SaveAsync(db, req.IfMatch, null, c) is { } raced)
                return raced;
            if (PlaceLimit.AddsRoom(oldQuota, delegation.Quota))
                await places.PromoteWaitlistedAsync(forum!.Id, forum.RequiresApproval, now, c);
            return null;
        }, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var response = DelegationResponse.FromEntity(delegation!);
        HttpContext.Response.Headers.ETag = response.ETag;
        await Send.OkAsync(response, ct);
    }
}
