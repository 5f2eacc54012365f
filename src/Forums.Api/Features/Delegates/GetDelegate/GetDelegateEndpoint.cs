using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence.LeanReads;

namespace Forums.Api.Features.Delegates.GetDelegate;

internal sealed class GetDelegateEndpoint(LeanReader reads) : Endpoint<DelegateRequest, DelegateResponse>
{
    public override void Configure()
    {
        Get("{delegateId}");
        Group<DelegatesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("getDelegate")
            .WithSummary("Get a delegate, personal data included")
            .Produces<DelegateResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(DelegateRequest req, CancellationToken ct)
    {
        // The token decides before the database is asked: a forum it does not cover is 404 like a missing one.
        var covered = User.Organises(req.ForumId);
        var delegate_ = covered && await DelegateRows.ByIdAsync(reads, req.ForumId, req.DelegateId, ct) is { } row
            ? DelegateResponse.FromRow(row)
            : null;
        await Send.ResultAsync(ConditionalReads.Answer(HttpContext, delegate_, d => d.ETag, ResponseJson.Api.DelegateResponse,
            () => covered ? DelegateProblems.NotFound(req.DelegateId) : ForumProblems.NotFound(req.ForumId)));
    }
}
