using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates;

internal static class DelegateProblems
{
    public static string Location(Guid forumId, Guid delegateId) => $"/api/forums/{forumId}/delegates/{delegateId}";

    public static IResult NotFound(Guid delegateId) => Problems.NotFound($"This forum has no delegate with id '{delegateId}'.");

    public static IResult UnknownDelegation(Guid delegationId) =>
        Problems.BadRequest("delegationId", $"This forum has no delegation with id '{delegationId}'.");

    public static IResult EmailTaken(Guid forumId, Guid existingId) => Problems.Result(ProblemTypes.EmailTaken,
        "A delegate with this e-mail is already registered for the forum; see existing (reinstate it if it was cancelled).",
        (ProblemMembers.Existing, Location(forumId, existingId)), (ProblemMembers.ExistingDelegateId, existingId));

    /// <summary>409 when no place is free: the delegation's quota or the forum's capacity is reached (read for its limit member).</summary>
    public static async Task<IResult> NoPlaceAsync(ForumsDbContext db, Persistence.PlaceOutcome outcome, Guid forumId, Guid? delegationId, CancellationToken ct) =>
        outcome == Persistence.PlaceOutcome.DelegationFull
            ? Problems.Result(ProblemTypes.QuotaFull, "The delegation's quota is full; raise the quota or cancel one of its registrations first.",
                (ProblemMembers.Limit, await db.Delegations.Where(d => d.Id == delegationId).Select(d => d.Quota).FirstOrDefaultAsync(ct)),
                (ProblemMembers.DelegationId, delegationId))
            : Problems.Result(ProblemTypes.ForumFull, "The forum is full; raise its capacity or cancel a registration first.",
                (ProblemMembers.Limit, await db.Forums.Where(f => f.Id == forumId).Select(f => f.Capacity).FirstOrDefaultAsync(ct)));

    /// <summary>409 when the registration collided with a concurrent one.</summary>
    public static IResult Collided(string detail) => Problems.Result(ProblemTypes.ChangedConcurrently, detail);
}
