using Forums.Api.Domain;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Delegates.RegisterDelegate;

/// <summary>
/// Registering one delegate, whoever asks (the API, the seed): a place is taken through the ledger, so the counters
/// stay true; confirmed (or pending, where the forum requires approval) while one is free, else waitlisted.
/// </summary>
public sealed record RegisterDelegateCommand(Guid Id, Guid ForumId, bool RequiresApproval, DelegateDetails Details)
{
    /// <summary>Adds the delegate to the context; run it in the transaction that saves it.</summary>
    public async Task<ForumDelegate> RunAsync(ForumsDbContext db, PlaceLedger places, DateTime now, CancellationToken ct)
    {
        var place = await places.TryTakeAsync(ForumId, Details.DelegationId, ct);
        var registered = ForumDelegate.Register(Id, ForumId, Details, AccreditationCodes.New(), gotPlace: place == PlaceOutcome.Taken,
            RequiresApproval, now);
        db.Delegates.Add(registered);
        return registered;
    }
}
