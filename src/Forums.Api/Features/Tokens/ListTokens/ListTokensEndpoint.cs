using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Http.Paging;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Tokens.ListTokens;

internal sealed class ListTokensEndpoint(ForumsDbContext db) : Endpoint<ListTokensRequest, Page<TokenResponse>>
{
    public override void Configure()
    {
        Get("");
        Group<TokensGroup>();
        Definition.Access(AccessLevel.Admin);
        Description(d => d
            .WithName("listTokens")
            .WithSummary("List API tokens, without their secrets, ordered by prefix")
            .Produces<Page<TokenResponse>>(StatusCodes.Status200OK)
            .ProducesProblems(400), clearDefaults: true);
    }

    public override async Task HandleAsync(ListTokensRequest req, CancellationToken ct) =>
        await Send.OkAsync(await ReadPageAsync(db, req, ct), ct);

    internal static Task<Page<TokenResponse>> ReadPageAsync(ForumsDbContext db, ListTokensRequest req, CancellationToken ct)
    {
        var tokens = db.ApiTokens.AsNoTracking();
        if (req.Role is { } role)
            tokens = tokens.Where(t => t.Role == role);
        if (req.ForumId is { } forumId)
            tokens = tokens.Where(t => t.Role == TokenRole.Admin || t.ForumIds.Contains(forumId));
        return tokens.PageAsync(t => t.Prefix, req.Cursor, req.Limit, TokenResponse.Projection, t => t.Prefix, ct);
    }
}
