using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Http.Paging;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegations.ListDelegations;

internal sealed class ListDelegationsEndpoint(ForumsDbContext db) : Endpoint<ListDelegationsRequest, Page<DelegationResponse>>
{
    public override void Configure()
    {
        Get("");
        Group<DelegationsGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("listDelegations")
            .WithSummary("List a forum's delegations, ordered by name")
            .Produces<Page<DelegationResponse>>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(ListDelegationsRequest req, CancellationToken ct)
    {
        var (forum, missing) = await ForumScope.ForReaderAsync(db, User, req.ForumId, ct);
        if (missing is not null)
        {
            await Send.ResultAsync(missing);
            return;
        }

        await Send.OkAsync(await ReadPageAsync(db, forum!, req, ct), ct);
    }

    internal static Task<Page<DelegationResponse>> ReadPageAsync(ForumsDbContext db, ForumScope forum, ListDelegationsRequest req, CancellationToken ct)
    {
        var delegations = db.Delegations.AsNoTracking().Where(d => d.ForumId == forum.Id);
        if (req.Kind is { } kind)
            delegations = delegations.Where(d => d.Kind == kind);
        if (CountryCode.Canonical(req.Country) is { } code)
            delegations = delegations.Where(d => d.Country == code);
        delegations = delegations.Matching(req.Q);
        return delegations.PageAsync(d => d.SortKey, req.Cursor, req.Limit, DelegationResponse.Projection, d => d.SortKey, ct);
    }
}
