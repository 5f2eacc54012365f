using System.Security.Claims;
using System.Text.Encodings.Web;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence.LeanReads;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Forums.Api.Auth;

/// <summary>
/// Authenticates "Authorization: Bearer &lt;token&gt;" against the configured admin token and the tokens in the
/// database (by the hash of the secret). Failures are logged without the token and answered as problem details.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    TimeProvider time,
    LeanReader reads,
    TokenCache cache,
    BootstrapAdminToken bootstrap) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";
    private const string FailureItem = "forums.auth.failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return Failed("the Authorization header is not 'Bearer <token>'");

        var hash = TokenSecrets.Hash(header["Bearer ".Length..].Trim());
        if (bootstrap.Matches(hash))
            return Succeeded("bootstrap-admin", TokenRole.Admin, []);

        var now = time.GetUtcNow().UtcDateTime;
        if (cache.Find(hash) is { } known && (known.ExpiresAt is not { } knownExpiry || knownExpiry > now))
            return Succeeded(known.Id.ToString(), known.Role, known.ForumIds);

        // Every organiser request looks its token up: the lean path (a prepared statement on SQLite), not EF Core.
        var token = await TokenRows.ByHashAsync(reads, hash, Context.RequestAborted);
        switch (token)
        {
            case null:
                return Failed("the token is unknown");
            case { RevokedAt: not null }:
                return Failed("the token was revoked", token.Id);
            case { ExpiresAt: { } expiry } when expiry <= now:
                return Failed("the token has expired", token.Id);
            default:
                cache.Keep(hash, new TokenCache.ValidToken(token.Id, token.Role, token.ForumIds, token.ExpiresAt));
                return Succeeded(token.Id.ToString(), token.Role, token.ForumIds);
        }
    }

    private AuthenticateResult Succeeded(string tokenId, TokenRole role, List<Guid> forums)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, tokenId),
            new(ClaimTypes.Name, $"token:{tokenId}"),
            new(ClaimTypes.Role, Caller.RoleName(role)),
        };
        claims.AddRange(forums.Select(f => new Claim(Caller.ForumClaim, f.ToString())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    // The reason is logged (never the token); the caller learns only that the token is not valid.
    private AuthenticateResult Failed(string reason, Guid? tokenId = null)
    {
        Logger.LogWarning("Bearer authentication failed for {Method} {Path}: {Reason} (token id {TokenId})",
            Request.Method, Request.Path, reason, tokenId?.ToString() ?? "unknown");
        Context.Items[FailureItem] = true;
        return AuthenticateResult.Fail(reason);
    }

    public static bool HasFailed(HttpContext context) => context.Items.ContainsKey(FailureItem);

    // RFC 6750 §3: the challenge names the scheme, and the error when a token was sent but is not valid.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var invalid = HasFailed(Context);
        Response.Headers.WWWAuthenticate = invalid
            ? "Bearer realm=\"forum-api\", error=\"invalid_token\", error_description=\"The token is unknown, revoked or expired.\""
            : "Bearer realm=\"forum-api\"";
        return Problems.Result(StatusCodes.Status401Unauthorized, invalid
                ? "The bearer token is not valid: it is unknown, revoked or expired."
                : "This operation needs an API token: send 'Authorization: Bearer <token>'.")
            .ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Result(StatusCodes.Status403Forbidden, "This operation needs an admin token.").ExecuteAsync(Context);
}

/// <summary>A token that was sent but is not valid is refused on every endpoint, public ones included.</summary>
internal sealed class RejectInvalidTokens(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        BearerTokenHandler.HasFailed(context) ? context.ChallengeAsync(BearerTokenHandler.SchemeName) : next(context);
}
