using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Tokens.RevokeToken;

internal sealed class RevokeTokenEndpoint(ForumsDbContext db, TimeProvider time, TokenCache tokens) : Endpoint<TokenRequest, TokenResponse>
{
    public override void Configure()
    {
        Post("{tokenId}/revoke");
        Group<TokensGroup>();
        Definition.Access(AccessLevel.Admin);
        Description(d => d
            .WithName("revokeToken")
            .WithSummary("Revoke an API token; it stops working at once")
            .WithDescription("It is refused at once by the instance that revoked it and within Auth:TokenCacheSeconds (1 s) by any other. " +
                             "The token stays listed, with revokedAt. The admin token from configuration is revoked by removing it from configuration.")
            .Produces<TokenResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404)
            .ProducesProblems(ProblemTypes.TokenRevoked, ProblemTypes.ChangedConcurrently), clearDefaults: true);
    }

    public override async Task HandleAsync(TokenRequest req, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == req.TokenId, ct);
        if (token is null)
        {
            await Send.ResultAsync(TokenProblems.NotFound(req.TokenId));
            return;
        }
        token.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        tokens.Forget(token.Id);
        await Send.OkAsync(TokenResponse.FromEntity(token), ct);
    }
}
