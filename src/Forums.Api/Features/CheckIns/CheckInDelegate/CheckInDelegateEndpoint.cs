using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.CheckIns.CheckInDelegate;

internal sealed class CheckInDelegateEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<CheckInDelegateRequest, CheckInResponse>
{
    public override void Configure()
    {
        Post("");
        Group<CheckInsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("checkInDelegate")
            .WithSummary("Scan a badge: check a confirmed delegate in, once")
            .WithDescription("201 when this scan checks the delegate in; 200 with the first check-in's time when the delegate was already in. " +
                             "A retried scan with the same nonce answers as the first time. An unknown code is 404; a registration that is not confirmed (cancelled, waitlisted, pending) is 409.")
            .Accepts<CheckInDelegateRequest>("application/json")
            .Produces<CheckInResponse>(StatusCodes.Status201Created)
            .Produces<CheckInResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 415)
            .ProducesProblems(ProblemTypes.NotConfirmed, ProblemTypes.DelegateCancelled, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently,
                ProblemTypes.NonceReused)
            .CreatesWithoutLocation("a check-in is read through the check-in summary, not on its own"), clearDefaults: true);
    }

    public override async Task HandleAsync(CheckInDelegateRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForChangeAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }
        var code = req.NormalizedCode()!;
        IResult? answer;
        try
        {
            answer = (await db.InTransactionAsync(async c => Outcome.Done(await ScanAsync(forum!.Id, code, req.Nonce, c)), ct)).Value!;
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same scan, retried while the first was being written: answer as the first.
            answer = await ReplayAsync(forum!.Id, code, req.Nonce, ct) ?? Problems.Result(ProblemTypes.ChangedConcurrently, "The scan collided with its retry; retry.");
        }
        await Send.ResultAsync(answer);
    }

    private async Task<IResult> ScanAsync(Guid forumId, string code, string nonce, CancellationToken ct)
    {
        if (await ReplayAsync(forumId, code, nonce, ct) is { } replay)
            return replay;

        var delegate_ = await db.Delegates.AsNoTracking().FirstOrDefaultAsync(d => d.ForumId == forumId && d.AccreditationCode == code, ct);
        if (delegate_ is null)
            return Problems.NotFound($"No delegate of this forum has the accreditation code {code}.");
        delegate_.EnsureConfirmed("entry");

        var now = time.GetUtcNow().UtcDateTime;
        var first = await CheckInFirstAsync(db, delegate_.Id, now, ct);
        db.CheckIns.Add(CheckIn.Record(forumId, delegate_.Id, nonce, now, first));
        await db.SaveChangesAsync(ct);
        return Answer(delegate_, first, first ? now : delegate_.CheckedInAt!.Value);
    }

    // Only the first scan sets the time: the database decides, so two doors scanning at once check in once.
    internal static async Task<bool> CheckInFirstAsync(ForumsDbContext db, Guid delegateId, DateTime now, CancellationToken ct) =>
        await db.Delegates.Where(d => d.Id == delegateId && d.CheckedInAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.CheckedInAt, now).SetProperty(d => d.UpdatedAt, now)
                .SetProperty(d => d.Version, d => d.Version + 1), ct) == 1;

    private async Task<IResult?> ReplayAsync(Guid forumId, string code, string nonce, CancellationToken ct)
    {
        var scan = await db.CheckIns.AsNoTracking().Where(c => c.ForumId == forumId && c.Nonce == nonce)
            .Join(db.Delegates.AsNoTracking(), c => c.DelegateId, d => d.Id, (c, d) => new { c.FirstScan, Delegate = d })
            .FirstOrDefaultAsync(ct);
        if (scan is null)
            return null;
        if (scan.Delegate.AccreditationCode != code)
            return Problems.Result(ProblemTypes.NonceReused, "This nonce was used for another accreditation code; use a new nonce for a new scan.");
        return Answer(scan.Delegate, scan.FirstScan, scan.Delegate.CheckedInAt!.Value);
    }

    private static IResult Answer(ForumDelegate d, bool firstScan, DateTime checkedInAt)
    {
        var response = new CheckInResponse(d.Id, d.Name, d.NameLatin, d.DelegationId, d.Status, !firstScan, checkedInAt);
        return firstScan ? TypedResults.Json(response, statusCode: StatusCodes.Status201Created) : TypedResults.Ok(response);
    }
}
