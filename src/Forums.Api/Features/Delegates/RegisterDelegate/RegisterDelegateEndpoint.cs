using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Http.Idempotency;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates.RegisterDelegate;

internal sealed class RegisterDelegateEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time, LeanReader reads)
    : Endpoint<RegisterDelegateRequest, DelegateResponse>
{
    public override void Configure()
    {
        Post("");
        Group<DelegatesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("registerDelegate")
            .WithSummary("Register a delegate: confirmed while places are free, else waitlisted")
            .WithDescription("A place is free when the forum is under its capacity and the delegation under its quota. " +
                             "A forum that requires approval registers as pending, holding the place until confirmed. " +
                             "An e-mail registers once per forum: a second time answers 409 with the existing delegate.")
            .Accepts<RegisterDelegateRequest>("application/json")
            .AcceptsIdempotencyKey(AcceptsIdempotencyKey.ReadingAgainWith("getDelegate"))
            .Produces<DelegateResponse>(StatusCodes.Status201Created)
            .ProducesProblems(400, 404, 415)
            .ProducesProblems(ProblemTypes.EmailTaken, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently), clearDefaults: true);
    }

    public override async Task HandleAsync(RegisterDelegateRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForChangeAsync(reads, User, req.ForumId, ct);
        refused ??= await DelegateRegistrations.CheckDelegationAsync(db, req.ForumId, req.DelegationId, ct);
        refused ??= await DelegateRegistrations.EmailTakenAsync(reads, req.ForumId, req.Email, Guid.Empty, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        ForumDelegate registered;
        try
        {
            // The place and the delegate are written in one transaction: both or neither.
            registered = (await db.InTransactionAsync(async c =>
            {
                var delegate_ = await new RegisterDelegateCommand(Guid.CreateVersion7(), forum!.Id, forum.RequiresApproval, req.ToDetails())
                    .RunAsync(db, places, time.GetUtcNow().UtcDateTime, c);
                await db.SaveChangesAsync(c);
                return Outcome.Done(delegate_);
            }, ct)).Value!;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same e-mail registered by a concurrent request between our check and our write.
            await Send.ResultAsync(await DelegateRegistrations.EmailTakenAsync(reads, req.ForumId, req.Email, Guid.Empty, ct)
                                   ?? DelegateProblems.Collided("The registration collided with another one; retry."));
            return;
        }

        var response = DelegateResponse.FromEntity(registered);
        HttpContext.Response.Headers.ETag = response.ETag;
        HttpContext.Response.Headers.Location = DelegateProblems.Location(forum!.Id, registered.Id);
        await Send.ResponseAsync(response, StatusCodes.Status201Created, ct);
    }
}
