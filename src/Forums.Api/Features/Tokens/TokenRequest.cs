using FastEndpoints;

namespace Forums.Api.Features.Tokens;

/// <summary>One token, by id.</summary>
public sealed class TokenRequest
{
    /// <summary>The token's id (not its secret).</summary>
    [RouteParam]
    public Guid TokenId { get; init; }
}
