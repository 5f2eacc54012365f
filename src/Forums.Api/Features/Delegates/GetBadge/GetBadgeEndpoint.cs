using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;

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
            .WithMetadata(new InReaderLanguage(Always: false))
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
        var language = ReaderLanguages.ForTexts(HttpContext, badge.ForumTitle.Keys, always: false);
        ReaderLanguages.Tell(HttpContext.Response, language);
        await Send.OkAsync(badge.ToResponse(language), ct);
    }
}
