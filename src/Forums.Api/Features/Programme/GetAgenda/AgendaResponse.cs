using Forums.Api.Domain;

namespace Forums.Api.Features.Programme.GetAgenda;

/// <summary>The programme by day, in the forum's time zone; sessions without a slot follow in programme order.</summary>
public sealed record AgendaResponse(Guid ForumId, string TimeZone, List<AgendaDayResponse> Days, List<AgendaSessionResponse> Unscheduled);

/// <summary>One day of the programme (the forum's local date) with its sessions by start time.</summary>
public sealed record AgendaDayResponse(DateOnly Date, List<AgendaSessionResponse> Sessions);

public sealed record AgendaSessionResponse(
    Guid Id,
    Dictionary<string, string> Title,
    Dictionary<string, string>? Description,
    SessionKind Kind,
    int Order,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Room,
    List<string> Languages,
    List<string> InterpretationLanguages,
    List<AgendaSpeakerResponse> Speakers);

/// <summary>A speaker's public profile as the agenda shows it, with the role on the session.</summary>
public sealed record AgendaSpeakerResponse(
    Guid Id,
    string Name,
    string? NameLatin,
    Dictionary<string, string>? Position,
    Dictionary<string, string>? Organisation,
    string? PhotoUrl,
    SpeakerRole Role);
