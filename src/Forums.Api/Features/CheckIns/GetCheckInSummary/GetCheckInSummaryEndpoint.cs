using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.CheckIns.GetCheckInSummary;

/// <summary>How many are in: confirmed delegates, those of them checked in, and the scans made (of any badge, ever).</summary>
/// <param name="Confirmed">Delegates whose registration is confirmed now.</param>
/// <param name="CheckedIn">Confirmed delegates who have checked in (one cancelled since is not counted).</param>
/// <param name="NotYetCheckedIn">Confirmed delegates who have not checked in yet.</param>
/// <param name="Scans">Scans ever accepted at this forum's doors, a badge scanned again included; a retried scan (the same nonce) counts once, a refused one (404, 409) not at all.</param>
public sealed record CheckInSummaryResponse(int Confirmed, int CheckedIn, int NotYetCheckedIn, int Scans);

public sealed class CheckInSummaryRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }
}

internal sealed class GetCheckInSummaryEndpoint(ForumsDbContext db) : Endpoint<CheckInSummaryRequest, CheckInSummaryResponse>
{
    public override void Configure()
    {
        Get("summary");
        Group<CheckInsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("getCheckInSummary")
            .WithSummary("Check-in counts of a forum")
            .Produces<CheckInSummaryResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(CheckInSummaryRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForOrganiserAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }
        // Both counts are of confirmed delegates: one checked in and cancelled since is no longer expected, nor in.
        var confirmedDelegates = db.Delegates.AsNoTracking().Where(d => d.ForumId == forum!.Id && d.Status == RegistrationStatus.Confirmed);
        var confirmed = await confirmedDelegates.CountAsync(ct);
        var checkedIn = await confirmedDelegates.CountAsync(d => d.CheckedInAt != null, ct);
        var scans = await db.CheckIns.CountAsync(c => c.ForumId == forum!.Id, ct);
        await Send.OkAsync(new CheckInSummaryResponse(confirmed, checkedIn, Math.Max(0, confirmed - checkedIn), scans), ct);
    }
}
