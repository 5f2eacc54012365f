using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Http.Idempotency;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Delegations.CreateDelegation;

internal sealed class CreateDelegationEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<CreateDelegationRequest, DelegationResponse>
{
    public override void Configure()
    {
        Post("");
        Group<DelegationsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("createDelegation")
            .WithSummary("Create a delegation of a forum")
            .Accepts<CreateDelegationRequest>("application/json")
            .AcceptsIdempotencyKey(AcceptsIdempotencyKey.KeepingTheAnswer)
            .Produces<DelegationResponse>(StatusCodes.Status201Created)
            .ProducesProblems(400, 404, 415)
            .ProducesProblems(ProblemTypes.ForumArchived), clearDefaults: true);
    }

    public override async Task HandleAsync(CreateDelegationRequest req, CancellationToken ct)
    {
        var (forum, missing) = await ForumScope.ForChangeAsync(db, User, req.ForumId, ct);
        if (missing is not null)
        {
            await Send.ResultAsync(missing);
            return;
        }

        var delegation = Delegation.Create(Guid.CreateVersion7(), forum!.Id, req.ToDetails(), time.GetUtcNow().UtcDateTime);
        db.Delegations.Add(delegation);
        await db.SaveChangesAsync(ct);

        var response = DelegationResponse.FromEntity(delegation);
        HttpContext.Response.Headers.ETag = response.ETag;
        HttpContext.Response.Headers.Location = DelegationProblems.Location(forum.Id, delegation.Id);
        await Send.ResponseAsync(response, StatusCodes.Status201Created, ct);
    }
}
