using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Http.Paging;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates.ListDelegates;

internal sealed class ListDelegatesEndpoint(ForumsDbContext db, LeanReader reads) : Endpoint<ListDelegatesRequest, Page<DelegateResponse>>
{
    public override void Configure()
    {
        Get("");
        Group<DelegatesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("listDelegates")
            .WithSummary("List a forum's delegates, ordered by name")
            .Produces<Page<DelegateResponse>>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(ListDelegatesRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForOrganiserAsync(reads, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var limit = req.Limit ?? PageLimit.Default;
        var hasCursor = Cursor.TryDecode(req.Cursor, out var after);
        if (req.Q is null)
        {
            // Filtered by equalities only: the lean path, one prepared statement and the rows written straight to JSON.
            var page = await reads.ReadPageAsync(DelegateResponse.Row, "SortKey",
                DelegateFilters.Equalities(forum!.Id, req.Status, req.DelegationId, req.Country), hasCursor ? after : null, limit, ct);
            await Send.ResultAsync(TypedResults.Bytes(page, ConditionalReads.JsonContentType));
            return;
        }

        var delegates = DelegateFilters.Apply(db.Delegates.AsNoTracking().Where(d => d.ForumId == forum!.Id),
            req.Status, req.DelegationId, req.Country, req.Q);
        if (hasCursor)
            delegates = delegates.Where(d => string.Compare(d.SortKey, after) > 0);

        var rows = await delegates.OrderBy(d => d.SortKey).Take(limit + 1).Select(DelegateResponse.Projection).ToListAsync(ct);
        await Send.OkAsync(Cursor.ToPage(rows, limit, d => d.SortKey), ct);
    }
}
