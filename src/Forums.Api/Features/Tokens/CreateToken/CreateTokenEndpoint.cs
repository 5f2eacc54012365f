using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Http.Idempotency;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Tokens.CreateToken;

internal sealed class CreateTokenEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<CreateTokenRequest, CreatedTokenResponse>
{
    // Only the secret's hash is stored; a kept answer would store the secret, a replay without it would be useless.
    private const string SecretShownOnce = "the token's secret is shown once, in the first answer, and never stored, so a retry could not answer it again. " +
                                           "If the answer is lost, revoke the token (GET /api/tokens finds it by name) and create another.";

    public override void Configure()
    {
        Post("");
        Group<TokensGroup>();
        Definition.Access(AccessLevel.Admin);
        Description(d => d
            .WithName("createToken")
            .WithSummary("Create an API token; its secret is in this answer only")
            .Accepts<CreateTokenRequest>("application/json")
            .RefusesIdempotencyKey(SecretShownOnce)
            .Produces<CreatedTokenResponse>(StatusCodes.Status201Created)
            .ProducesProblems(400, 415), clearDefaults: true);
    }

    public override async Task HandleAsync(CreateTokenRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (req.ExpiresAt is { } expiry && expiry.ToUniversalTime() <= now)
        {
            await Send.ResultAsync(Problems.BadRequest("expiresAt", "The expiry must be in the future."));
            return;
        }
        var forumIds = (req.ForumIds ?? []).Distinct().ToList();
        var known = await db.Forums.Where(f => forumIds.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct);
        if (forumIds.Except(known).ToList() is { Count: > 0 } unknown)
        {
            await Send.ResultAsync(Problems.BadRequest("forumIds", $"No forum has the id {string.Join(", ", unknown)}."));
            return;
        }

        var secret = TokenSecrets.NewToken();
        var token = ApiToken.Create(Guid.CreateVersion7(), req.Name.Trim(), req.Role!.Value, forumIds,
            TokenSecrets.PrefixOf(secret), TokenSecrets.Hash(secret), now, req.ExpiresAt?.ToUniversalTime());
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);

        HttpContext.Response.Headers.Location = $"/api/tokens/{token.Id}";
        var created = new CreatedTokenResponse
        {
            Id = token.Id, Name = token.Name, Role = token.Role, ForumIds = token.ForumIds, Prefix = token.Prefix,
            CreatedAt = token.CreatedAt, ExpiresAt = token.ExpiresAt, RevokedAt = token.RevokedAt, Token = secret,
        };
        await Send.ResponseAsync(created, StatusCodes.Status201Created, ct);
    }
}
