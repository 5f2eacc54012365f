using Forums.Api.Http;

namespace Forums.Api.Features.Tokens;

internal static class TokenProblems
{
    public static IResult NotFound(Guid tokenId) => Problems.NotFound($"There is no token with id '{tokenId}'.");
}
