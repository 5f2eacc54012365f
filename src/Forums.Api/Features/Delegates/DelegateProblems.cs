using Forums.Api.Http;

namespace Forums.Api.Features.Delegates;

internal static class DelegateProblems
{
    public static string Location(Guid forumId, Guid delegateId) => $"/api/forums/{forumId}/delegates/{delegateId}";

    public static IResult NotFound(Guid delegateId) => Problems.NotFound($"This forum has no delegate with id '{delegateId}'.");

    public static IResult UnknownDelegation(Guid delegationId) =>
        Problems.BadRequest("delegationId", $"This forum has no delegation with id '{delegationId}'.");

    public static IResult EmailTaken(Guid forumId, Guid existingId) => Problems.Conflict(
        "A delegate with this e-mail is already registered for the forum; see existing (reinstate it if it was cancelled).",
        Location(forumId, existingId));

    public static IResult NoPlace(Persistence.PlaceOutcome outcome) => Problems.Conflict(outcome == Persistence.PlaceOutcome.DelegationFull
        ? "The delegation's quota is full; raise the quota or cancel one of its registrations first."
        : "The forum is full; raise its capacity or cancel a registration first.");
}
