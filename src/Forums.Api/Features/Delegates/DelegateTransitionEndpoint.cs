using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates;

/// <summary>
/// A change of a delegate's registration status. The delegate decides which transitions it allows (409 otherwise);
/// the place ledger moves places in the same transaction, so a refused or failed change leaves nothing behind.
/// </summary>
internal abstract class DelegateTransitionEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<DelegateChangeRequest, DelegateResponse>
{
    protected ForumsDbContext Db => db;
    protected abstract string Action { get; }
    protected abstract string OperationId { get; }
    protected abstract string OperationSummary { get; }
    protected abstract string OperationDescription { get; }

    /// <summary>The 409s of this transition besides a race and an archived forum: the registration's status does not allow it, no place is free.</summary>
    protected abstract ProblemType[] Refusals { get; }

    /// <summary>Changes the delegate (and places); returns the problem to answer instead, which rolls everything back.</summary>
    protected abstract Task<IResult?> ApplyAsync(ForumDelegate delegate_, ForumScope forum, DateTime now, CancellationToken ct);

    public override void Configure()
    {
        Post($"{{delegateId}}/{Action}");
        Group<DelegatesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName(OperationId)
            .WithSummary(OperationSummary)
            .WithDescription(OperationDescription)
            .Produces<DelegateResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412)
            .ProducesProblems([.. Refusals, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently]), clearDefaults: true);
    }

    public override async Task HandleAsync(DelegateChangeRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForChangeAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        Outcome<ForumDelegate> outcome;
        try
        {
            outcome = await db.InTransactionAsync(async c =>
            {
                var loaded = await Changes.LoadAsync(db.Delegates, forum!, req.DelegateId, req.IfMatch, DelegateProblems.NotFound, c);
                if (loaded.Problem is not null)
                    return loaded;
                if (await ApplyAsync(loaded.Value!, forum!, time.GetUtcNow().UtcDateTime, c) is { } problem)
                    return Outcome.Refused(problem);
                await db.SaveChangesAsync(c);
                return loaded;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            outcome = Outcome.Refused(ConditionalWrites.Raced(req.IfMatch));
        }

        if (outcome.Problem is { } stopped)
        {
            await Send.ResultAsync(stopped);
            return;
        }
        var response = DelegateResponse.FromEntity(outcome.Value!);
        HttpContext.Response.Headers.ETag = response.ETag;
        await Send.OkAsync(response, ct);
    }
}
