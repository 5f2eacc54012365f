namespace Forums.Api.Features.Places.GetPlaces;

/// <summary>
/// The counts an organiser's screens show: places held and left, and registrations by status, for the forum and for each
/// of its delegations. They are not part of the forum's or a delegation's own representation: they change with every
/// registration, which changes neither (an edit made with If-Match is not refused because someone registered meanwhile).
/// </summary>
/// <param name="Capacity">Most delegates holding places at once (confirmed or pending); null for no limit.</param>
/// <param name="PlacesTaken">Delegates holding places: confirmed and pending ones.</param>
/// <param name="PlacesLeft">Places still free; null when the forum has no capacity.</param>
/// <param name="Registrations">The forum's registrations by status.</param>
/// <param name="Delegations">Each delegation of the forum, in the order of the delegation list.</param>
/// <param name="WithoutDelegation">The registrations of delegates in no delegation.</param>
public sealed record PlacesResponse(
    int? Capacity, int PlacesTaken, int? PlacesLeft, RegistrationCounts Registrations,
    List<DelegationPlaces> Delegations, RegistrationCounts WithoutDelegation);

/// <summary>A delegation's places and registrations.</summary>
/// <param name="DelegationId">The delegation's id.</param>
/// <param name="Quota">Most of its delegates holding places at once; null for no limit.</param>
/// <param name="PlacesTaken">Its delegates holding places: confirmed and pending ones.</param>
/// <param name="PlacesLeft">Places left in its quota (the forum's own capacity may leave fewer); null when it has no quota.</param>
/// <param name="Registrations">Its delegates' registrations by status.</param>
public sealed record DelegationPlaces(Guid DelegationId, int? Quota, int PlacesTaken, int? PlacesLeft, RegistrationCounts Registrations);

/// <summary>Registrations by status.</summary>
/// <param name="Pending">Holding a place, waiting for an organiser's confirmation.</param>
/// <param name="Confirmed">Holding a place, confirmed.</param>
/// <param name="Waitlisted">Waiting for a place, promoted in the order they joined the waitlist.</param>
/// <param name="Cancelled">Cancelled; they hold no place.</param>
public sealed record RegistrationCounts(int Pending, int Confirmed, int Waitlisted, int Cancelled)
{
    public static readonly RegistrationCounts None = new(0, 0, 0, 0);

    /// <summary>Those holding places.</summary>
    public int HoldingPlaces() => Pending + Confirmed;
}
