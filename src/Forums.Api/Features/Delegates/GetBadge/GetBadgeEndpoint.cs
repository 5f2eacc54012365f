using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates.GetBadge;

internal sealed class GetBadgeEndpoint(ForumsDbContext db) : Endpoint<DelegateRequest, BadgeResponse>
{
    public override void Configure()
    {
        Get("{delegateId}/badge");
        Group<DelegatesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("getBadge")
            .WithSummary("A confirmed delegate's accreditation badge, with the QR code of its accreditation code")
            .WithDescription("A delegate who is not confirmed has no badge (409).")
            .Produces<BadgeResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 409), clearDefaults: true);
    }

    public override async Task HandleAsync(DelegateRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForOrganiserAsync(db, User, req.ForumId, ct);
        var delegate_ = refused is null ? await db.Delegates.AsNoTracking().FirstOrDefaultAsync(d => d.Id == req.DelegateId && d.ForumId == forum!.Id, ct) : null;
        if (refused is not null || delegate_ is null)
        {
            await Send.ResultAsync(refused ?? DelegateProblems.NotFound(req.DelegateId));
            return;
        }
        delegate_.EnsureConfirmed("badge");

        var title = await db.Forums.AsNoTracking().Where(f => f.Id == forum!.Id).Select(f => f.Title).SingleAsync(ct);
        var delegation = delegate_.DelegationId is { } id
            ? await db.Delegations.AsNoTracking().Where(d => d.Id == id).Select(d => d.Name).SingleAsync(ct)
            : null;
        await Send.OkAsync(new BadgeResponse(delegate_.Id, delegate_.AccreditationCode, delegate_.Name, delegate_.NameLatin,
            delegate_.Position, delegate_.Organisation, delegate_.Country, delegation, title, QrCodes.Svg(delegate_.AccreditationCode)), ct);
    }
}
