using System.Security.Claims;
using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Http.Paging;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Forums.ListForums;

internal sealed class ListForumsEndpoint(ForumsDbContext db) : Endpoint<ListForumsRequest, Page<ForumResponse>>
{
    public override void Configure()
    {
        Get("");
        Group<ForumsGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("listForums")
            .WithSummary("List forums, ordered by slug")
            .WithDescription("Anonymous callers see published forums, and archived ones that were published (read-only); a token also sees the drafts, and drafts archived unpublished, it covers.")
            .Produces<Page<ForumResponse>>(StatusCodes.Status200OK)
            .ProducesProblems(400), clearDefaults: true);
    }

    public override async Task HandleAsync(ListForumsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await ReadPageAsync(db, User, req, ct), ct);

    internal static Task<Page<ForumResponse>> ReadPageAsync(ForumsDbContext db, ClaimsPrincipal caller, ListForumsRequest req, CancellationToken ct)
    {
        var forums = db.Forums.AsNoTracking();
        if (!caller.IsAdmin())
        {
            var organised = caller.OrganisedForums();
            forums = forums.Where(Forum.PublicOr(organised));
        }
        if (req.Status is { } status)
            forums = forums.Where(f => f.Status == status);
        if (CountryCode.Canonical(req.Country) is { } code)
            forums = forums.Where(f => f.Country == code);
        forums = forums.Matching(req.Q);
        return forums.PageAsync(f => f.Slug, req.Cursor, req.Limit, ForumResponse.Projection, f => f.Slug, ct);
    }
}
