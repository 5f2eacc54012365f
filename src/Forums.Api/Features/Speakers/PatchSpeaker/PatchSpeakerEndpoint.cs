using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Speakers.UpdateSpeaker;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Speakers.PatchSpeaker;

/// <summary>
/// The merge patch of updateSpeaker: <see cref="MergePatches"/> merges the patch into the speaker's PUT body as
/// getSpeakerRecord shows it, and this endpoint is the PUT's own (its binding, validator and use case), at another verb.
/// </summary>
internal sealed class PatchSpeakerEndpoint(ForumsDbContext db, TimeProvider time) : UpdateSpeakerEndpoint(db, time)
{
    public override void Configure()
    {
        Patch("{speakerId}");
        Group<SpeakersGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("patchSpeaker")
            .WithSummary("Change some of a speaker's profile or its delegate link")
            .WithDescription(MergePatch.Semantics)
            .AcceptsMergePatch<PatchSpeakerRequest>("getSpeakerRecord")
            .Produces<SpeakerResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412, 415)
            .ProducesProblems(Conflicts), clearDefaults: true);
    }
}
