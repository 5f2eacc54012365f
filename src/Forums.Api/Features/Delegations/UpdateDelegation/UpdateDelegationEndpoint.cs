using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegations.UpdateDelegation;

internal class UpdateDelegationEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time)
    : Endpoint<UpdateDelegationRequest, DelegationResponse>
{
    /// <summary>The problem types of its 409 (and of its merge patch's).</summary>
    internal static readonly ProblemType[] Conflicts = [ProblemTypes.PlacesHeld, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently];

    /// <summary>What a change of a delegation must respect, whether the whole body is sent (PUT) or a merge patch of it.</summary>
    internal const string Rules =
        "Raising the quota gives free places to the delegation's longest-waiting delegates. The quota cannot go below the places its delegates hold (409).";

    public override void Configure()
    {
        Put("{delegationId}");
        Group<DelegationsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("updateDelegation")
            .WithSummary("Replace a delegation's fields and appoint its head")
            .WithDescription(Rules)
            .Accepts<UpdateDelegationRequest>("application/json")
            .Produces<DelegationResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412, 415)
            .ProducesProblems(Conflicts), clearDefaults: true);
    }

    public override async Task HandleAsync(UpdateDelegationRequest req, CancellationToken ct)
    {
        // One transaction under the place ledger's lock: the quota is checked against the places held as the lock holds
        // them, and the waitlisted that a higher quota lets in are promoted before anyone else can take the room.
        var outcome = await db.InTransactionAsync(async c =>
        {
            var loaded = await Changes.LoadAsync(db, db.Delegations, User, req.ForumId, req.DelegationId, req.IfMatch, DelegationProblems.NotFound, c,
                lockFirst: () => places.LockForPromotionAsync(req.ForumId, [req.DelegationId], c));
            if (loaded.Problem is not null)
                return loaded;
            var (forum, delegation) = loaded.Value!;
            if (req.HeadDelegateId is { } head && !await db.Delegates.AnyAsync(d =>
                    d.Id == head && d.DelegationId == delegation.Id && d.Status != RegistrationStatus.Cancelled, c))
                return Outcome.Refused(Problems.BadRequest("headDelegateId", "The head of delegation must be one of its delegates, not cancelled."));

            var now = time.GetUtcNow().UtcDateTime;
            var oldQuota = delegation.Quota;
            delegation.Update(req.ToDetails(), now);
            delegation.AppointHead(req.HeadDelegateId, now);
            if (await ConditionalWrites.SaveAsync(db, req.IfMatch, null, c) is { } raced)
                return Outcome.Refused(raced);
            if (PlaceLimit.AddsRoom(oldQuota, delegation.Quota))
                await places.PromoteWaitlistedAsync(forum.Id, forum.RequiresApproval, now, c);
            return loaded;
        }, ct);
        if (outcome.Problem is { } refused)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var response = DelegationResponse.FromEntity(outcome.Value!.Entity);
        HttpContext.Response.Headers.ETag = response.ETag;
        await Send.OkAsync(response, ct);
    }
}
