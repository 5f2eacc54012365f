using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Forums.Api.Domain;

namespace Forums.Api.Features.Speakers;

/// <summary>A speaker's public profile: what anyone may read, and nothing else.</summary>
public sealed record SpeakerProfileResponse : Http.ITaggedResponse
{
    public required Guid Id { get; init; }
    /// <summary>The name as written in its own script.</summary>
    public required string Name { get; init; }
    public required string? NameLatin { get; init; }
    public required Dictionary<string, string>? Position { get; init; }
    public required Dictionary<string, string>? Organisation { get; init; }
    public required Dictionary<string, string>? Biography { get; init; }
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
    public required Guid Id { get; init; }
    public required Guid ForumId { get; init; }
    public required string Name { get; init; }
    public required string? NameLatin { get; init; }
    public required Dictionary<string, string>? Position { get; init; }
    public required Dictionary<string, string>? Organisation { get; init; }
    public required Dictionary<string, string>? Biography { get; init; }
    public required string? PhotoUrl { get; init; }
    /// <summary>The delegate of the same forum who is this speaker.</summary>
    public required Guid? DelegateId { get; init; }
    public required DateTime CreatedAt { get; init; }
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
