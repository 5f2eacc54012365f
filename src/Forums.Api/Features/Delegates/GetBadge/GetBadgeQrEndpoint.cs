using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;

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
            .ProducesProblems(400, 404)
            .ProducesProblems(ProblemTypes.NotConfirmed, ProblemTypes.DelegateCancelled), clearDefaults: true);
    }

    public override async Task HandleAsync(DelegateRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForOrganiserAsync(db, User, req.ForumId, ct);
        var badge = refused is null ? await Badge.ReadAsync(db, forum!.Id, req.DelegateId, ct) : null;
        if (refused is not null || badge is null)
        {
            await Send.ResultAsync(refused ?? DelegateProblems.NotFound(req.DelegateId));
            return;
        }
        // Shown in place (an <img>), saved under the forum's and the code's names, as every download is named after its forum.
        HttpContext.Response.Headers.ContentDisposition = $"inline; filename=\"{forum!.Slug}-badge-{badge.Delegate.AccreditationCode}.png\"";
        await Send.ResultAsync(TypedResults.Bytes(QrCodes.Png(badge.Delegate.AccreditationCode), "image/png"));
    }
}
