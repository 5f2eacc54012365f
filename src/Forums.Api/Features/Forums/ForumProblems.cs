using Forums.Api.Http;

namespace Forums.Api.Features.Forums;

internal static class ForumProblems
{
    public static string Location(Guid forumId) => $"/api/forums/{forumId}";

    public static IResult SlugTaken(string slug) =>
        Problems.Result(ProblemTypes.SlugTaken, $"The slug '{slug}' is already used by another forum; choose another.");

    public static IResult NotFound(Guid forumId) => Problems.NotFound($"There is no forum with id '{forumId}'.");

    public static IResult Archived() => Problems.Result(ProblemTypes.ForumArchived,
        "The forum is archived: it and everything under it are read-only. Start a new edition for new work.");
}
