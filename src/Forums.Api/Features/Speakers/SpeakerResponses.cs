using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Forums.Api.Domain;

namespace Forums.Api.Features.Speakers;

/// <summary>A speaker's public profile: what anyone may read, and nothing else.</summary>
public sealed record SpeakerProfileResponse : Http.ITaggedResponse
{
    /// <summary>The speaker's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The name as written in its own script.</summary>
    public required string Name { get; init; }
    /// <summary>The name in Latin letters; null when not given.</summary>
    public required string? NameLatin { get; init; }
    /// <summary>The speaker's position by language (BCP 47 tag → text), e.g. {"en": "Ambassador of the Republic of Korea to the Republic of Kazakhstan"}; null when not given.</summary>
    public required Dictionary<string, string>? Position { get; init; }
    /// <summary>The speaker's organisation by language; null when not given.</summary>
    public required Dictionary<string, string>? Organisation { get; init; }
    /// <summary>A biography by language, which may hold line breaks; null when not given.</summary>
    public required Dictionary<string, string>? Biography { get; init; }
    /// <summary>An absolute https URL of the speaker's photo; null when not given.</summary>
    public required string? PhotoUrl { get; init; }

    [JsonIgnore]
    public long Version { get; init; }

    [JsonIgnore]
    public string SortKey { get; init; } = "";

    [JsonIgnore]
    public string ETag => Http.ETags.For(Version);

    public static readonly Expression<Func<Speaker, SpeakerProfileResponse>> Projection = s => new SpeakerProfileResponse
    {
        Id = s.Id, Name = s.Name, NameLatin = s.NameLatin, Position = s.Position, Organisation = s.Organisation,
        Biography = s.Biography, PhotoUrl = s.PhotoUrl, Version = s.Version, SortKey = s.SortKey,
    };
}

/// <summary>A speaker as organisers see it: the public profile with the link to the delegate and its history.</summary>
public sealed record SpeakerResponse : Http.ITaggedResponse
{
    /// <summary>The speaker's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The forum whose programme the speaker is in.</summary>
    public required Guid ForumId { get; init; }
    /// <summary>The name as written in its own script.</summary>
    public required string Name { get; init; }
    /// <summary>The name in Latin letters; null when not given.</summary>
    public required string? NameLatin { get; init; }
    /// <summary>The speaker's position by language (BCP 47 tag → text); null when not given.</summary>
    public required Dictionary<string, string>? Position { get; init; }
    /// <summary>The speaker's organisation by language; null when not given.</summary>
    public required Dictionary<string, string>? Organisation { get; init; }
    /// <summary>A biography by language, which may hold line breaks; null when not given.</summary>
    public required Dictionary<string, string>? Biography { get; init; }
    /// <summary>An absolute https URL of the speaker's photo; null when not given.</summary>
    public required string? PhotoUrl { get; init; }
    /// <summary>The delegate of the same forum who is this speaker; null for none.</summary>
    public required Guid? DelegateId { get; init; }
    /// <summary>When the speaker was created (UTC).</summary>
    public required DateTime CreatedAt { get; init; }
    /// <summary>When the speaker's profile or delegate link last changed (UTC).</summary>
    public required DateTime UpdatedAt { get; init; }

    [JsonIgnore]
    public string ETag => Http.ETags.For(Version);

    [JsonIgnore]
    public long Version { get; init; }

    public static SpeakerResponse FromEntity(Speaker s) => new()
    {
        Id = s.Id, ForumId = s.ForumId, Name = s.Name, NameLatin = s.NameLatin, Position = s.Position, Organisation = s.Organisation,
        Biography = s.Biography, PhotoUrl = s.PhotoUrl, DelegateId = s.DelegateId, CreatedAt = s.CreatedAt, UpdatedAt = s.UpdatedAt,
        Version = s.Version,
    };
}
