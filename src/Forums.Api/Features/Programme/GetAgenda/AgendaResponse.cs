using Forums.Api.Domain;

namespace Forums.Api.Features.Programme.GetAgenda;

/// <summary>The programme by day, in the forum's time zone; sessions without a slot follow in programme order.</summary>
/// <param name="ForumId">The forum's id.</param>
/// <param name="TimeZone">The forum's IANA time zone, e.g. Asia/Almaty: the days' dates and every time are in it.</param>
/// <param name="Days">The days that have sessions, in date order; a day without sessions is left out.</param>
/// <param name="Unscheduled">The sessions without a slot, in programme order.</param>
public sealed record AgendaResponse(Guid ForumId, string TimeZone, List<AgendaDayResponse> Days, List<AgendaSessionResponse> Unscheduled);

/// <summary>One day of the programme (the forum's local date) with its sessions by start time.</summary>
/// <param name="Date">The day, YYYY-MM-DD, in the forum's time zone.</param>
/// <param name="Sessions">The sessions that start on this day, by start time, then programme order.</param>
public sealed record AgendaDayResponse(DateOnly Date, List<AgendaSessionResponse> Sessions);

/// <summary>A session as the agenda shows it, with its speakers' public profiles.</summary>
/// <param name="Id">The session's id.</param>
/// <param name="Title">The session's title by language (BCP 47 tag → text).</param>
/// <param name="Description">A description of the session by language, which may hold line breaks; null when not given.</param>
/// <param name="Kind">What kind of programme item the session is.</param>
/// <param name="Order">The session's place in the programme.</param>
/// <param name="StartsAt">The start, in the forum's time zone with its UTC offset, e.g. 2027-05-20T10:00:00+05:00; null for a session without a slot.</param>
/// <param name="EndsAt">The end, in the forum's time zone with its UTC offset; null for a session without a slot.</param>
/// <param name="Room">The room's name as written, tidied; null when not given.</param>
/// <param name="Languages">BCP 47 tags of the languages spoken; empty when none are given.</param>
/// <param name="InterpretationLanguages">BCP 47 tags of the languages interpreted into; empty when none are given.</param>
/// <param name="Speakers">The session's speakers in their order.</param>
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
/// <param name="Id">The speaker's id.</param>
/// <param name="Name">The name as written in its own script.</param>
/// <param name="NameLatin">The name in Latin letters; null when not given.</param>
/// <param name="Position">The speaker's position by language; null when not given.</param>
/// <param name="Organisation">The speaker's organisation by language; null when not given.</param>
/// <param name="PhotoUrl">An absolute https URL of the speaker's photo; null when not given.</param>
/// <param name="Role">What the speaker does on this session.</param>
public sealed record AgendaSpeakerResponse(
    Guid Id,
    string Name,
    string? NameLatin,
    Dictionary<string, string>? Position,
    Dictionary<string, string>? Organisation,
    string? PhotoUrl,
    SpeakerRole Role);
