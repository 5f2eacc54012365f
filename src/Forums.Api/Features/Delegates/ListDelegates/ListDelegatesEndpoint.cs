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

        if (req.Q is null)
        {
            // Filtered by equalities only: the lean path, one prepared statement per combination of filters, the page
            // written from the rows as they are read (as one delegate's GET is: DelegateResponse.WriteRow says why).
            var limit = req.Limit ?? PageLimit.Default;
            var page = await DelegateRows.PageAsync(reads, DelegateFilters.Lean(forum!.Id, req.Status, req.DelegationId, req.Country),
                Cursor.TryDecode(req.Cursor, out var after) ? after : null, limit + 1,
                rows => ConditionalReads.WrittenJson.Write(rows, (writer, rows) =>
                    Cursor.WritePage(writer, rows, limit, DelegateResponse.WriteRow, DelegateRows.At.SortKey)), ct);
            await Send.ResultAsync(page);
            return;
        }

        await Send.OkAsync(await SearchPageAsync(db, forum!.Id, req, ct), ct);
    }

    /// <summary>A page found by its text search (and the filters), on EF Core.</summary>
    internal static Task<Page<DelegateResponse>> SearchPageAsync(ForumsDbContext db, Guid forumId, ListDelegatesRequest req, CancellationToken ct) =>
        DelegateFilters.Apply(db.Delegates.AsNoTracking().Where(d => d.ForumId == forumId), req.Status, req.DelegationId, req.Country, req.Q)
            .PageAsync(d => d.SortKey, req.Cursor, req.Limit, DelegateResponse.Projection, d => d.SortKey, ct);
}
