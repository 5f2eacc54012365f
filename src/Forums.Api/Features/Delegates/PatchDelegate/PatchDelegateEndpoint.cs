using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Delegates.UpdateDelegate;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;

namespace Forums.Api.Features.Delegates.PatchDelegate;

/// <summary>
/// The merge patch of updateDelegate: <see cref="MergePatches"/> merges the patch into the delegate's PUT body as
/// getDelegate shows it, and this endpoint is the PUT's own (its binding, validator and use case), at another verb.
/// </summary>
internal sealed class PatchDelegateEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time, LeanReader reads) : UpdateDelegateEndpoint(db, places, time, reads)
{
    public override void Configure()
    {
        Patch("{delegateId}");
        Group<DelegatesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("patchDelegate")
            .WithSummary("Change some of a delegate's details")
            .WithDescription($"{MergePatch.Semantics} {UpdateDelegateEndpoint.Rules}")
            .AcceptsMergePatch<PatchDelegateRequest>("getDelegate")
            .Produces<DelegateResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412, 415)
            .ProducesProblems(Conflicts), clearDefaults: true);
    }
}
