using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Delegations;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates.UpdateDelegate;

internal class UpdateDelegateEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time, LeanReader reads)
    : Endpoint<UpdateDelegateRequest, DelegateResponse>
{
    /// <summary>The problem types of its 409 (and of its merge patch's).</summary>
    internal static readonly ProblemType[] Conflicts = [ProblemTypes.EmailTaken, ProblemTypes.QuotaFull, ProblemTypes.HeadCannotLeave, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently];

    /// <summary>What a change of a delegate's details must respect, whether the whole body is sent (PUT) or a merge patch of it.</summary>
    internal const string Rules =
        "Moving a delegate who holds a place to another delegation takes a place in its quota (409 when it is full). " +
        "The head of a delegation cannot leave it (409): appoint another head, or none, first.";

    public override void Configure()
    {
        Put("{delegateId}");
        Group<DelegatesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("updateDelegate")
            .WithSummary("Replace a delegate's details")
            .WithDescription(Rules)
            .Accepts<UpdateDelegateRequest>("application/json")
            .Produces<DelegateResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412, 415)
            .ProducesProblems(Conflicts), clearDefaults: true);
    }

    public override async Task HandleAsync(UpdateDelegateRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForChangeAsync(db, User, req.ForumId, ct);
        refused ??= await DelegateRegistrations.CheckDelegationAsync(db, req.ForumId, req.DelegationId, ct);
        refused ??= await DelegateRegistrations.EmailTakenAsync(reads, req.ForumId, req.Email, req.DelegateId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        Outcome<ForumDelegate> outcome;
        try
        {
            outcome = await db.InTransactionAsync(async c =>
            {
                var loaded = await Changes.LoadAsync(db.Delegates, forum!, req.DelegateId, req.IfMatch, DelegateProblems.NotFound, c);
                if (loaded.Problem is not null)
                    return loaded;
                var delegate_ = loaded.Value!;
                var now = time.GetUtcNow().UtcDateTime;
                var delegationChanges = delegate_.DelegationId != req.DelegationId;
                if (delegationChanges)
                {
                    // Both delegations' counters under the ledger's lock, in its order: two opposite moves do not wait for each other.
                    await places.LockForPromotionAsync(forum!.Id, [delegate_.DelegationId, req.DelegationId], c);
                    if (await DelegationHeads.IsHeadAsync(db, delegate_.Id, c))
                        return Outcome.Refused(DelegationHeads.CannotLeave(delegate_.DelegationId!.Value));
                    if (delegate_.HoldsPlace && !await places.MoveQuotaAsync(delegate_.DelegationId, req.DelegationId, c))
                        return Outcome.Refused(await DelegateProblems.NoPlaceAsync(db, PlaceOutcome.DelegationFull, forum!.Id, req.DelegationId, c));
                }
                delegate_.Update(req.ToDetails(), now);
                await db.SaveChangesAsync(c);
                if (delegationChanges)
                    await places.PromoteWaitlistedAsync(forum!.Id, forum.RequiresApproval, now, c);
                return loaded;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            outcome = Outcome.Refused(ConditionalWrites.Raced(req.IfMatch));
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            outcome = Outcome.Refused(await DelegateRegistrations.EmailTakenAsync(reads, req.ForumId, req.Email, req.DelegateId, ct)
                                      ?? DelegateProblems.Collided("The change collided with another one; retry."));
        }

        if (outcome.Problem is { } stopped)
        {
            await Send.ResultAsync(stopped);
            return;
        }
        var response = DelegateResponse.FromEntity(outcome.Value!);
        HttpContext.Response.Headers.ETag = response.ETag;
        await Send.OkAsync(response, ct);
    }
}
