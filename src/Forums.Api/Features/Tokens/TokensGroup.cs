using FastEndpoints;
using Forums.Api.Http;

namespace Forums.Api.Features.Tokens;

public sealed class TokensGroup : Group
{
    public static readonly ApiTag Tag = new("Tokens", 8,
        "API tokens (admin only): admin tokens cover everything, organiser tokens the forums they name. The secret is shown once, when the token is created.");

    public TokensGroup() => Configure("tokens", ep => ep.Description(d => d.WithTag(Tag)));
}
