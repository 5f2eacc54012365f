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
        // Its JSON is written from the row while the reader is on it (DelegateResponse.WriteRow says why), unless the
        // answer is 304.
        var ifNoneMatch = HttpContext.Request.Headers.IfNoneMatch;
        var delegate_ = covered
            ? await DelegateRows.ByIdAsync(reads, req.ForumId, req.DelegateId,
                row => ConditionalReads.WrittenJson.WriteTagged(ifNoneMatch, ETags.For(row.Version(DelegateRows.At.Version)), row, DelegateResponse.WriteRow), ct)
            : null;
        await Send.ResultAsync(ConditionalReads.Answer(HttpContext, delegate_,
            () => covered ? DelegateProblems.NotFound(req.DelegateId) : ForumProblems.NotFound(req.ForumId)));
    }
}
