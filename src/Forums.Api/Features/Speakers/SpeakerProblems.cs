using Forums.Api.Http;

namespace Forums.Api.Features.Speakers;

internal static class SpeakerProblems
{
    public static string Location(Guid forumId, Guid speakerId) => $"/api/forums/{forumId}/speakers/{speakerId}";

    public static IResult NotFound(Guid speakerId) => Problems.NotFound($"This forum has no speaker with id '{speakerId}'.");
}
