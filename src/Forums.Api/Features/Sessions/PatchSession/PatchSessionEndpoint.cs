using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Sessions.UpdateSession;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Sessions.PatchSession;

/// <summary>
/// The merge patch of updateSession: <see cref="MergePatches"/> merges the patch into the session's PUT body as
/// getSession shows it, and this endpoint is the PUT's own (its binding, validator and use case), at another verb.
/// </summary>
internal sealed class PatchSessionEndpoint(ForumsDbContext db, TimeProvider time) : UpdateSessionEndpoint(db, time)
{
    public override void Configure()
    {
        Patch("{sessionId}");
        Group<SessionsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("patchSession")
            .WithSummary("Change some of a session's fields, its slot and room included")
            .WithDescription($"{MergePatch.Semantics} {UpdateSessionEndpoint.Rules}")
            .AcceptsMergePatch<PatchSessionRequest>("getSession")
            .Produces<SessionResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412, 415)
            .ProducesProblems(Conflicts), clearDefaults: true);
    }
}
