using FastEndpoints;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Tokens.ListTokens;

public sealed class ListTokensRequest
{
    /// <summary>Items per page, 1 to 100 (default 20).</summary>
    [QueryParam]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [QueryParam]
    public string? Cursor { get; init; }

    /// <summary>Only tokens with this role.</summary>
    [QueryParam]
    public TokenRole? Role { get; init; }

    /// <summary>Only tokens that cover this forum (admin tokens cover all).</summary>
    [QueryParam]
    public Guid? ForumId { get; init; }

    internal sealed class Validator : Validator<ListTokensRequest>
    {
        public Validator() => this.PageRules(r => r.Limit, r => r.Cursor, key => key.StartsWith(Auth.TokenSecrets.Scheme, StringComparison.Ordinal));
    }
}
