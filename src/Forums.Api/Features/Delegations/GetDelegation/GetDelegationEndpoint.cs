using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegations.GetDelegation;

internal sealed class GetDelegationEndpoint(ForumsDbContext db) : Endpoint<DelegationRequest, DelegationResponse>
{
    public override void Configure()
    {
        Get("{delegationId}");
        Group<DelegationsGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("getDelegation")
            .WithSummary("Get a delegation")
            .Produces<DelegationResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(DelegationRequest req, CancellationToken ct)
    {
        var (forum, missing) = await ForumScope.ForReaderAsync(db, User, req.ForumId, ct);
        var delegation = missing is null
            ? await db.Delegations.AsNoTracking().Where(d => d.Id == req.DelegationId && d.ForumId == forum!.Id)
                .Select(DelegationResponse.Projection).FirstOrDefaultAsync(ct)
            : null;
        await Send.ResultAsync(ConditionalReads.Answer(HttpContext, delegation, d => d.ETag, () => missing ?? DelegationProblems.NotFound(req.DelegationId)));
    }
}
