using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Tokens.GetToken;

internal sealed class GetTokenEndpoint(ForumsDbContext db) : Endpoint<TokenRequest, TokenResponse>
{
    public override void Configure()
    {
        Get("{tokenId}");
        Group<TokensGroup>();
        Definition.Access(AccessLevel.Admin);
        Description(d => d
            .WithName("getToken")
            .WithSummary("Get an API token, without its secret")
            .Produces<TokenResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(TokenRequest req, CancellationToken ct)
    {
        var token = await db.ApiTokens.AsNoTracking().Where(t => t.Id == req.TokenId).Select(TokenResponse.Projection).FirstOrDefaultAsync(ct);
        if (token is null)
            await Send.ResultAsync(TokenProblems.NotFound(req.TokenId));
        else
            await Send.OkAsync(token, ct);
    }
}
