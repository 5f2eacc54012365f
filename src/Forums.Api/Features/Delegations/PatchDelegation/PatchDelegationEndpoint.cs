using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Delegations.UpdateDelegation;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Delegations.PatchDelegation;

/// <summary>
/// The merge patch of updateDelegation: <see cref="MergePatches"/> merges the patch into the delegation's PUT body as
/// getDelegation shows it, and this endpoint is the PUT's own (its binding, validator and use case), at another verb.
/// </summary>
internal sealed class PatchDelegationEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time) : UpdateDelegationEndpoint(db, places, time)
{
    public override void Configure()
    {
        Patch("{delegationId}");
        Group<DelegationsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("patchDelegation")
            .WithSummary("Change some of a delegation's fields or appoint its head")
            .WithDescription($"{MergePatch.Semantics} {UpdateDelegationEndpoint.Rules}")
            .AcceptsMergePatch<PatchDelegationRequest>("getDelegation")
            .Produces<DelegationResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412, 415)
            .ProducesProblems(Conflicts), clearDefaults: true);
    }
}
