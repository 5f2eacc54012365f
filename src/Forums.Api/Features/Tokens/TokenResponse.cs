using System.Linq.Expressions;
using Forums.Api.Domain;

namespace Forums.Api.Features.Tokens;

/// <summary>A token as lists show it: never its secret.</summary>
public record TokenResponse
{
    /// <summary>The token's id (not its secret).</summary>
    public required Guid Id { get; init; }
    /// <summary>What the token is for, e.g. "Registration desk, Turkistan".</summary>
    public required string Name { get; init; }
    /// <summary>What the token may do.</summary>
    public required TokenRole Role { get; init; }
    /// <summary>The forums an organiser token covers (empty for admin tokens, which cover all).</summary>
    public required List<Guid> ForumIds { get; init; }
    /// <summary>The token's first 12 characters ("fat_" and 8 more), to recognise it; not enough to use it.</summary>
    public required string Prefix { get; init; }
    /// <summary>When the token was created (UTC).</summary>
    public required DateTime CreatedAt { get; init; }
    /// <summary>When the token stops working (UTC); null for no expiry.</summary>
    public required DateTime? ExpiresAt { get; init; }
    /// <summary>When the token was revoked (UTC), after which it no longer works; null while it is not revoked.</summary>
    public required DateTime? RevokedAt { get; init; }

    public static readonly Expression<Func<ApiToken, TokenResponse>> Projection = t => new TokenResponse
    {
        Id = t.Id,
        Name = t.Name,
        Role = t.Role,
        ForumIds = t.ForumIds,
        Prefix = t.Prefix,
        CreatedAt = t.CreatedAt,
        ExpiresAt = t.ExpiresAt,
        RevokedAt = t.RevokedAt,
    };

    private static readonly Func<ApiToken, TokenResponse> FromEntityCompiled = Projection.Compile();

    public static TokenResponse FromEntity(ApiToken token) => FromEntityCompiled(token);
}

/// <summary>A token just created, with its secret: the only answer that ever carries it.</summary>
public sealed record CreatedTokenResponse : TokenResponse
{
    /// <summary>The secret to send as "Authorization: Bearer &lt;token&gt;". Store it now: it is not shown again.</summary>
    public required string Token { get; init; }
}
