using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums.UpdateForum;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Forums.PatchForum;

/// <summary>
/// The merge patch of updateForum: <see cref="MergePatches"/> merges the patch into the forum's PUT body as
/// getForum shows it, and this endpoint is the PUT's own (its binding, validator and use case), at another verb.
/// </summary>
internal sealed class PatchForumEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time) : UpdateForumEndpoint(db, places, time)
{
    public override void Configure()
    {
        Patch("{forumId}");
        Group<ForumsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("patchForum")
            .WithSummary("Change some of a forum's fields")
            .WithDescription($"{MergePatch.Semantics} {UpdateForumEndpoint.Rules}")
            .AcceptsMergePatch<PatchForumRequest>("getForum")
            .Produces<ForumResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412, 415)
            .ProducesProblems(Conflicts), clearDefaults: true);
    }
}
