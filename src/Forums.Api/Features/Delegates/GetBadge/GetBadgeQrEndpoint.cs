using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates.GetBadge;

internal sealed class GetBadgeQrEndpoint(ForumsDbContext db) : Endpoint<DelegateRequest>
{
    public override void Configure()
    {
        Get("{delegateId}/badge/qr.png");
        Group<DelegatesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("getBadgeQrCode")
            .WithSummary("The QR code of a confirmed delegate's accreditation code, as a PNG image")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/png")
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
        await Send.ResultAsync(TypedResults.Bytes(QrCodes.Png(delegate_.AccreditationCode), "image/png"));
    }
}
