using System.Text.Json.Serialization;

namespace Forums.Api.Features.Programme.ExportSchedule;

/// <summary>The C3VOC "schedule JSON" document (https://c3voc.de/schedule/schema.json), the JSON twin of frab's schedule XML.</summary>
public sealed record C3vocScheduleDocument(
    [property: JsonPropertyName("$schema")] string Schema,
    C3vocGenerator Generator,
    C3vocSchedule Schedule);

public sealed record C3vocGenerator(string Name, string Version);

public sealed record C3vocSchedule(
    string Version,
    [property: JsonPropertyName("base_url")] string BaseUrl,
    C3vocConference Conference);

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

public sealed record C3vocRoom(string Name, Guid Guid);

public sealed record C3vocDay(
    int Index,
    string Date,
    [property: JsonPropertyName("day_start")] string DayStart,
    [property: JsonPropertyName("day_end")] string DayEnd,
    Dictionary<string, List<C3vocEvent>> Rooms);

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
public sealed record C3vocPerson(Guid Guid, string Name, string? Biography);

public sealed record C3vocLink(string Url, string Title);
