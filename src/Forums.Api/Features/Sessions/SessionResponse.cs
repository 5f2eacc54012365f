using System.Text.Json.Serialization;
using Forums.Api.Domain;

namespace Forums.Api.Features.Sessions;

/// <summary>A speaker on a session.</summary>
/// <param name="SpeakerId">The speaker's id; the speaker's profile is read at .../speakers/{speakerId}.</param>
/// <param name="Role">What the speaker does on the session.</param>
/// <param name="Order">The speaker's place among the session's speakers (1 speaks first).</param>
public sealed record SessionSpeakerResponse(Guid SpeakerId, SpeakerRole Role, int Order);

/// <summary>A session of the programme; times in the forum's time zone, with their UTC offset.</summary>
public sealed record SessionResponse : Http.ITaggedResponse
{
    /// <summary>The session's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The forum whose programme the session is in.</summary>
    public required Guid ForumId { get; init; }
    /// <summary>The session's title by language (BCP 47 tag → text), e.g. {"en": "Welcome address by the akim of Turkistan region, Nuralkhan Kusherov"}.</summary>
    public required Dictionary<string, string> Title { get; init; }
    /// <summary>A description of the session by language, which may hold line breaks; null when not given.</summary>
    public required Dictionary<string, string>? Description { get; init; }
    /// <summary>What kind of programme item the session is.</summary>
    public required SessionKind Kind { get; init; }
    /// <summary>The session's place in the programme (sessions without a slot are listed in this order).</summary>
    public required int Order { get; init; }
    /// <summary>In the forum's time zone, e.g. 2027-05-20T10:00:00+05:00; null until the slot is fixed.</summary>
    public required DateTimeOffset? StartsAt { get; init; }
    /// <summary>The end of the slot, in the forum's time zone with its UTC offset; null until the slot is fixed.</summary>
    public required DateTimeOffset? EndsAt { get; init; }
    /// <summary>The room's name as written, tidied (each run of spaces one space, invisible characters removed); null when not given.</summary>
    public required string? Room { get; init; }
    /// <summary>BCP 47 tags of the languages spoken; empty when none are given.</summary>
    public required List<string> Languages { get; init; }
    /// <summary>BCP 47 tags of the languages interpreted into; empty when none are given.</summary>
    public required List<string> InterpretationLanguages { get; init; }
    /// <summary>Seats in the session, as the organiser gave it (for information: the API counts nothing against it); null when not given.</summary>
    public required int? Capacity { get; init; }
    /// <summary>The session's speakers in their order.</summary>
    public required List<SessionSpeakerResponse> Speakers { get; init; }
    /// <summary>When the session was created (UTC).</summary>
    public required DateTime CreatedAt { get; init; }
    /// <summary>When the session's fields or speakers last changed (UTC).</summary>
    public required DateTime UpdatedAt { get; init; }

    [JsonIgnore]
    public long Version { get; init; }

    [JsonIgnore]
    public string SortKey { get; init; } = "";

    [JsonIgnore]
    public string ETag => Http.ETags.For(Version);

    public static SessionResponse From(Session s, IEnumerable<SessionSpeaker> speakers, TimeZoneInfo zone) => new()
    {
        Id = s.Id,
        ForumId = s.ForumId,
        Title = s.Title,
        Description = s.Description,
        Kind = s.Kind,
        Order = s.Order,
        StartsAt = s.StartsAt is { } start ? ForumTime.Local(start, zone) : null,
        EndsAt = s.EndsAt is { } end ? ForumTime.Local(end, zone) : null,
        Room = s.Room,
        Languages = s.Languages,
        InterpretationLanguages = s.InterpretationLanguages,
        Capacity = s.Capacity,
        Speakers = speakers.OrderBy(a => a.Order).ThenBy(a => a.SpeakerId).Select(a => new SessionSpeakerResponse(a.SpeakerId, a.Role, a.Order)).ToList(),
        CreatedAt = s.CreatedAt,
        UpdatedAt = s.UpdatedAt,
        Version = s.Version,
        SortKey = s.SortKey,
    };
}
