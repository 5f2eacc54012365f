using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Places.GetPlaces;

public sealed class GetPlacesRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }
}

internal sealed class GetPlacesEndpoint(ForumsDbContext db) : Endpoint<GetPlacesRequest, PlacesResponse>
{
    public override void Configure()
    {
        Get("");
        Group<PlacesGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("getPlaces")
            .WithSummary("Places held and left, and registrations by status, of a forum and each of its delegations")
            .Produces<PlacesResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(GetPlacesRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForOrganiserAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }
        var capacity = await db.Forums.Where(f => f.Id == forum!.Id).Select(f => f.Capacity).SingleAsync(ct);
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.ForumId == forum!.Id).OrderBy(d => d.SortKey)
            .Select(d => new { d.Id, d.Quota }).ToListAsync(ct);
        // One grouped count: those holding places are counted from the same rows as the statuses (the ledger's counters
        // hold the same numbers, but read apart they could be a registration apart).
        var counts = (await db.Delegates.AsNoTracking().Where(d => d.ForumId == forum!.Id)
                .GroupBy(d => new { d.DelegationId, d.Status })
                .Select(g => new { g.Key.DelegationId, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .GroupBy(c => c.DelegationId)
            .ToDictionary(g => g.Key ?? Guid.Empty, g => Counts(g.Select(c => (c.Status, c.Count))));

        var all = Counts(counts.Values.SelectMany(c => new[]
        {
            (RegistrationStatus.Pending, c.Pending), (RegistrationStatus.Confirmed, c.Confirmed),
            (RegistrationStatus.Waitlisted, c.Waitlisted), (RegistrationStatus.Cancelled, c.Cancelled),
        }));
        await Send.OkAsync(new PlacesResponse(
            capacity, all.HoldingPlaces(), Left(capacity, all.HoldingPlaces()), all,
            delegations.Select(d =>
            {
                var own = counts.GetValueOrDefault(d.Id, RegistrationCounts.None);
                return new DelegationPlaces(d.Id, d.Quota, own.HoldingPlaces(), Left(d.Quota, own.HoldingPlaces()), own);
            }).ToList(),
            counts.GetValueOrDefault(Guid.Empty, RegistrationCounts.None)), ct);
    }

    private static int? Left(int? limit, int taken) => limit is { } l ? Math.Max(0, l - taken) : null;

    private static RegistrationCounts Counts(IEnumerable<(RegistrationStatus Status, int Count)> counts)
    {
        var by = counts.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        return new RegistrationCounts(by.GetValueOrDefault(RegistrationStatus.Pending), by.GetValueOrDefault(RegistrationStatus.Confirmed),
            by.GetValueOrDefault(RegistrationStatus.Waitlisted), by.GetValueOrDefault(RegistrationStatus.Cancelled));
    }
}
