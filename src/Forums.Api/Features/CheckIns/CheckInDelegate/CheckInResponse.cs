using Forums.Api.Domain;

namespace Forums.Api.Features.CheckIns.CheckInDelegate;

/// <summary>The answer to a scan: who it is, and whether this scan let them in or they were already in (and since when).</summary>
/// <param name="DelegateId">The delegate whose badge was scanned.</param>
/// <param name="Name">The delegate's name as written in its own script.</param>
/// <param name="NameLatin">The name in Latin letters; null when not given.</param>
/// <param name="DelegationId">The delegate's delegation; null for none.</param>
/// <param name="Status">The registration's status: confirmed, since only a confirmed delegate is let in (a retried scan answers with the status at the retry).</param>
/// <param name="AlreadyCheckedIn">False when this scan checked the delegate in (201); true when the delegate was already in (200). A retried scan answers as the first time.</param>
/// <param name="CheckedInAt">When the delegate was first checked in (UTC): this scan's time, or the first scan's.</param>
public sealed record CheckInResponse(
    Guid DelegateId,
    string Name,
    string? NameLatin,
    Guid? DelegationId,
    RegistrationStatus Status,
    bool AlreadyCheckedIn,
    DateTime CheckedInAt);
