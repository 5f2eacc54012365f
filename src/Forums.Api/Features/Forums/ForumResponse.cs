using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Forums.Api.Domain;
using Forums.Api.Persistence.LeanReads;

namespace Forums.Api.Features.Forums;

/// <summary>A forum as the API shows it.</summary>
public sealed record ForumResponse : Http.ITaggedResponse
{
    public required Guid Id { get; init; }
    public required string Slug { get; init; }
    public required Dictionary<string, string> Title { get; init; }
    public required Dictionary<string, string>? Theme { get; init; }
    public required Dictionary<string, string>? Description { get; init; }
    public required Dictionary<string, string>? Series { get; init; }
    public required int? Edition { get; init; }
    public required Dictionary<string, string> City { get; init; }
    public required string Country { get; init; }
    public required Dictionary<string, string>? Venue { get; init; }
    public required string TimeZone { get; init; }
    public required DateOnly? StartDate { get; init; }
    public required DateOnly? EndDate { get; init; }
    public required int? Capacity { get; init; }
    public required bool RequiresApproval { get; init; }
    public required List<string> Languages { get; init; }
    public required ForumStatus Status { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }
    public required DateTime? PublishedAt { get; init; }

    [JsonIgnore]
    public long Version { get; init; }

    [JsonIgnore]
    public string ETag => Http.ETags.For(Version);

    /// <summary>For EF queries: the forum's row, mapped as the lean path maps it (the mapping runs on the client).</summary>
    public static readonly Expression<Func<Forum, ForumResponse>> Projection = f => FromRow(new ForumRow(
        f.Id, f.Slug, f.Title, f.Theme, f.Description, f.Series, f.Edition, f.City, f.Country, f.Venue, f.TimeZone, f.StartDate,
        f.EndDate, f.Capacity, f.RequiresApproval, f.Languages, f.Status, f.CreatedAt, f.UpdatedAt, f.PublishedAt, f.Version));

    private static readonly Func<Forum, ForumResponse> FromEntityCompiled = Projection.Compile();

    public static ForumResponse FromEntity(Forum forum) => FromEntityCompiled(forum);

    /// <summary>The one mapping of a forum to its response, from its row (read by EF or by the lean path).</summary>
    internal static ForumResponse FromRow(ForumRow f) => new()
    {
        Id = f.Id,
        Slug = f.Slug,
        Title = f.Title,
        Theme = f.Theme,
        Description = f.Description,
        Series = f.Series,
        Edition = f.Edition,
        City = f.City,
        Country = f.Country,
        Venue = f.Venue,
        TimeZone = f.TimeZone,
        StartDate = f.StartDate,
        EndDate = f.EndDate,
        Capacity = f.Capacity,
        RequiresApproval = f.RequiresApproval,
        Languages = f.Languages,
        Status = f.Status,
        CreatedAt = f.CreatedAt,
        UpdatedAt = f.UpdatedAt,
        PublishedAt = f.PublishedAt,
        Version = f.Version,
    };
}
