using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Forums.Api.Domain;
using Forums.Api.Persistence.LeanReads;
using static Forums.Api.Persistence.LeanReads.JsonField;

namespace Forums.Api.Features.Forums;

/// <summary>A forum as the API shows it.</summary>
public sealed record ForumResponse
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

    public static readonly Expression<Func<Forum, ForumResponse>> Projection = f => new ForumResponse
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

    /// <summary>The same JSON, written straight from the row by the lean read path (GET of one forum).</summary>
    public static readonly RowShape Row = new("Forums", ["Id"], "Version", "Status",
        Of("id", "Id", ColumnKind.Guid),
        Of("slug", "Slug", ColumnKind.Text),
        Of("title", "Title", ColumnKind.Json),
        Of("theme", "Theme", ColumnKind.Json),
        Of("description", "Description", ColumnKind.Json),
        Of("series", "Series", ColumnKind.Json),
        Of("edition", "Edition", ColumnKind.Integer),
        Of("city", "City", ColumnKind.Json),
        Of("country", "Country", ColumnKind.Text),
        Of("venue", "Venue", ColumnKind.Json),
        Of("timeZone", "TimeZone", ColumnKind.Text),
        Of("startDate", "StartDate", ColumnKind.Date),
        Of("endDate", "EndDate", ColumnKind.Date),
        Of("capacity", "Capacity", ColumnKind.Integer),
        Of("requiresApproval", "RequiresApproval", ColumnKind.Boolean),
        Of("languages", "Languages", ColumnKind.Json),
        Enum<ForumStatus>("status", "Status"),
        Of("createdAt", "CreatedAt", ColumnKind.UtcTime),
        Of("updatedAt", "UpdatedAt", ColumnKind.UtcTime),
        Of("publishedAt", "PublishedAt", ColumnKind.UtcTime));

    private static readonly Func<Forum, ForumResponse> FromEntityCompiled = Projection.Compile();

    public static ForumResponse FromEntity(Forum forum) => FromEntityCompiled(forum);
}
