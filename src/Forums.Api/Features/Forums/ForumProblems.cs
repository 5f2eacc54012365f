using Forums.Api.Http;

namespace Forums.Api.Features.Forums;

internal static class ForumProblems
{
    public static string Location(Guid forumId) => $"/api/forums/{forumId}";

    public static string SlugTaken(string slug) => $"The slug '{slug}' is already used by another forum; choose another.";

    public static IResult NotFound(Guid forumId) => Problems.NotFound($"There is no forum with id '{forumId}'.");
}
