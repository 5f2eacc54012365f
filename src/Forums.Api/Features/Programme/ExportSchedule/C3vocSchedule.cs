using System.Text.Json.Serialization;

namespace Forums.Api.Features.Programme.ExportSchedule;

/// <summary>The C3VOC "schedule JSON" document (https://c3voc.de/schedule/schema.json), the JSON twin of frab's schedule XML.</summary>
/// <param name="Schema">The schema the document follows: always https://c3voc.de/schedule/schema.json.</param>
/// <param name="Generator">The program that wrote the document.</param>
/// <param name="Schedule">The schedule itself.</param>
public sealed record C3vocScheduleDocument(
    [property: JsonPropertyName("$schema")] string Schema,
    C3vocGenerator Generator,
    C3vocSchedule Schedule);

/// <summary>The program that wrote the document.</summary>
/// <param name="Name">Always "forum-api".</param>
/// <param name="Version">The program's version, "1.0".</param>
public sealed record C3vocGenerator(string Name, string Version);

/// <summary>The schedule: its version, where the API is, and the forum as a conference.</summary>
/// <param name="Version">The forum's version and its programme's, joined by a dot, e.g. "3.7": it changes when the forum changes or a session is created, changed or given a speaker (not when a session is deleted or loses a speaker, nor when a speaker's profile changes).</param>
/// <param name="BaseUrl">The API's public URL, ending in "/" (Api:PublicBaseUrl, else the request's scheme and host).</param>
/// <param name="Conference">The forum as a conference, with its days and rooms.</param>
public sealed record C3vocSchedule(
    string Version,
    [property: JsonPropertyName("base_url")] string BaseUrl,
    C3vocConference Conference);

/// <summary>The forum as a conference: every day from its start date to its end date, and the rooms its sessions use.</summary>
/// <param name="Acronym">The forum's slug with underscores for hyphens, e.g. central_asia_korea_ii.</param>
/// <param name="Title">The forum's title in the language asked for (lang), else English, else the first one given.</param>
/// <param name="Description">The forum's description in that language; left out when the forum has none.</param>
/// <param name="Start">The forum's first day, YYYY-MM-DD.</param>
/// <param name="End">The forum's last day, YYYY-MM-DD.</param>
/// <param name="DaysCount">The number of days, both ends included.</param>
/// <param name="TimeslotDuration">The grid schedule apps draw times on, hh:mm: always "00:05".</param>
/// <param name="TimeZoneName">The forum's IANA time zone when it has the Area/Location form the schema takes (e.g. Asia/Almaty) or is UTC; left out otherwise.</param>
/// <param name="Url">The forum's URL in this API.</param>
/// <param name="Rooms">The rooms of the scheduled sessions, each once; sessions without a room are placed in one named after the forum's venue, else its city.</param>
/// <param name="Days">Every day of the forum, with or without sessions, in order.</param>
public sealed record C3vocConference(
    string Acronym,
    string Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    string Start,
    string End,
    int DaysCount,
    [property: JsonPropertyName("timeslot_duration")] string TimeslotDuration,
    [property: JsonPropertyName("time_zone_name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TimeZoneName,
    string Url,
    List<C3vocRoom> Rooms,
    List<C3vocDay> Days);

/// <summary>A room the scheduled sessions use.</summary>
/// <param name="Name">The room's name as first written in programme order (spellings that differ only in case or spaces are one room), or the venue's or city's name for sessions without a room.</param>
/// <param name="Guid">A stable id of the room, made from the forum's id and the room's name.</param>
public sealed record C3vocRoom(string Name, Guid Guid);

/// <summary>One day of the forum, with its sessions by room.</summary>
/// <param name="Index">The day's number: 1 for the forum's first day.</param>
/// <param name="Date">The day, YYYY-MM-DD, in the forum's time zone.</param>
/// <param name="DayStart">The day's first moment in the forum's time zone, with its offset, e.g. 2027-05-20T00:00:00+05:00.</param>
/// <param name="DayEnd">The day's last second in the forum's time zone, with its offset, e.g. 2027-05-20T23:59:59+05:00.</param>
/// <param name="Rooms">The sessions that start on this day, by room name, each room's by start time; a room without sessions that day is left out.</param>
public sealed record C3vocDay(
    int Index,
    string Date,
    [property: JsonPropertyName("day_start")] string DayStart,
    [property: JsonPropertyName("day_end")] string DayEnd,
    Dictionary<string, List<C3vocEvent>> Rooms);

/// <summary>A session with a slot, as schedule apps show it; texts in the language asked for (lang), else English, else the first one given.</summary>
/// <param name="Guid">The session's id.</param>
/// <param name="Id">A stable positive number made from the session's id (the schema still requires frab's integer id).</param>
/// <param name="Date">The start, in the forum's time zone with its offset, e.g. 2027-05-20T10:00:00+05:00.</param>
/// <param name="Start">The start's local time, HH:mm.</param>
/// <param name="End">The end, in the forum's time zone with its offset.</param>
/// <param name="Duration">The length, hh:mm (hours may pass 24 for a session of several days).</param>
/// <param name="Room">The room's name, as the conference's rooms list it.</param>
/// <param name="Slug">The forum's slug and the event's id, e.g. central-asia-korea-ii-123456.</param>
/// <param name="Url">The session's URL in this API.</param>
/// <param name="Title">The session's title.</param>
/// <param name="Subtitle">Always null: sessions have no subtitle.</param>
/// <param name="Track">Always null: sessions have no track.</param>
/// <param name="Type">The session's kind, e.g. "presentation".</param>
/// <param name="Language">The first of the session's languages (BCP 47); null when none is given.</param>
/// <param name="Abstract">The session's description; null when it has none.</param>
/// <param name="Description">Always null: the session's description is the abstract.</param>
/// <param name="Persons">The session's speakers in their order.</param>
/// <param name="Links">Always empty.</param>
public sealed record C3vocEvent(
    Guid Guid,
    int Id,
    string Date,
    string Start,
    string End,
    string Duration,
    string Room,
    string Slug,
    string Url,
    string Title,
    string? Subtitle,
    string? Track,
    string Type,
    string? Language,
    string? Abstract,
    string? Description,
    List<C3vocPerson> Persons,
    List<C3vocLink> Links);

/// <summary>A person in the pretalx shape of the schema (a name, no frab id).</summary>
/// <param name="Guid">The speaker's id.</param>
/// <param name="Name">The speaker's name in Latin letters when given, else as written.</param>
/// <param name="Biography">The speaker's biography; null when none is given.</param>
public sealed record C3vocPerson(Guid Guid, string Name, string? Biography);

/// <summary>A link about an event; this export writes none.</summary>
/// <param name="Url">The link's URL.</param>
/// <param name="Title">The link's text.</param>
public sealed record C3vocLink(string Url, string Title);
