using Forums.Api.Http;

namespace Forums.Api.Features.Speakers;

internal static class SpeakerProblems
{
    public static string Location(Guid forumId, Guid speakerId) => $"/api/forums/{forumId}/speakers/{speakerId}";

    public static IResult NotFound(Guid speakerId) => Problems.NotFound($"This forum has no speaker with id '{speakerId}'.");

    /// <summary>409: the delegate is another speaker of the forum already (which one, when known).</summary>
    public static IResult DelegateTaken(Guid forumId, Guid? existing) => Problems.Result(ProblemTypes.DelegateAlreadySpeaker,
        "Another speaker of this forum is already linked to that delegate.",
        (ProblemMembers.Existing, existing is { } id ? Location(forumId, id) : null), (ProblemMembers.ExistingSpeakerId, existing));
}
