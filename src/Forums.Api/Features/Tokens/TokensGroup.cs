using FastEndpoints;

namespace Forums.Api.Features.Tokens;

public sealed class TokensGroup : Group
{
    public const string Tag = "Tokens";
    public const string Description = "API tokens (admin only): admin tokens cover everything, organiser tokens the forums they name. The secret is shown once, when the token is created.";

    public TokensGroup() => Configure("tokens", ep => ep.Description(d => d.WithTags(Tag)));
}
