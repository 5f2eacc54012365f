using Forums.Api.Http;

namespace Forums.Api.Features.Sessions;

internal static class SessionProblems
{
    public static string Location(Guid forumId, Guid sessionId) => $"/api/forums/{forumId}/sessions/{sessionId}";

    public static IResult NotFound(Guid sessionId) => Problems.NotFound($"This forum has no session with id '{sessionId}'.");
}
