using Forums.Api.Domain;

namespace Forums.Api.Features.CheckIns.CheckInDelegate;

/// <summary>The answer to a scan: who it is, and whether this scan let them in or they were already in (and since when).</summary>
public sealed record CheckInResponse(
    Guid DelegateId,
    string Name,
    string? NameLatin,
    Guid? DelegationId,
    RegistrationStatus Status,
    bool AlreadyCheckedIn,
    DateTime CheckedInAt);
