using Forums.Api.Http;

namespace Forums.Api.Features.Delegations;

internal static class DelegationProblems
{
    public static string Location(Guid forumId, Guid delegationId) => $"/api/forums/{forumId}/delegations/{delegationId}";

    public static IResult NotFound(Guid delegationId) => Problems.NotFound($"This forum has no delegation with id '{delegationId}'.");
}
