using System.Text.Json.Serialization;
using Forums.Api.Domain;

namespace Forums.Api.Features.Sessions;

/// <summary>A speaker on a session.</summary>
public sealed record SessionSpeakerResponse(Guid SpeakerId, SpeakerRole Role, int Order);

/// <summary>A session of the programme; times in the forum's time zone, with their UTC offset.</summary>
public sealed record SessionResponse : Http.ITaggedResponse
{
    public required Guid Id { get; init; }
    public required Guid ForumId { get; init; }
    public required Dictionary<string, string> Title { get; init; }
    public required Dictionary<string, string>? Description { get; init; }
    public required SessionKind Kind { get; init; }
    /// <summary>The session's place in the programme (sessions without a slot are listed in this order).</summary>
    public required int Order { get; init; }
    /// <summary>In the forum's time zone, e.g. 2027-05-20T10:00:00+05:00; null until the slot is fixed.</summary>
    public required DateTimeOffset? StartsAt { get; init; }
    public required DateTimeOffset? EndsAt { get; init; }
    public required string? Room { get; init; }
    public required List<string> Languages { get; init; }
    /// <summary>Languages interpreted into.</summary>
    public required List<string> InterpretationLanguages { get; init; }
    public required int? Capacity { get; init; }
    /// <summary>The session's speakers in their order.</summary>
    public required List<SessionSpeakerResponse> Speakers { get; init; }
    public required DateTime CreatedAt { get; init; }
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
