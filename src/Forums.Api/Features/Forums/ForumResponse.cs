using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Forums.Api.Domain;
using Forums.Api.Persistence.LeanReads;

namespace Forums.Api.Features.Forums;

/// <summary>A forum as the API shows it.</summary>
public sealed record ForumResponse : Http.ITaggedResponse
{
    /// <summary>The forum's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>URL-safe unique name, e.g. central-asia-korea-ii; GET /api/forum-slugs/{slug} finds the forum by it.</summary>
    public required string Slug { get; init; }
    /// <summary>The forum's title by language (BCP 47 tag → text), e.g. {"en": "Central Asia – Korea II Cooperation Forum"}.</summary>
    public required Dictionary<string, string> Title { get; init; }
    /// <summary>The forum's theme by language; null when not given.</summary>
    public required Dictionary<string, string>? Theme { get; init; }
    /// <summary>A description of the forum by language, which may hold line breaks; null when not given.</summary>
    public required Dictionary<string, string>? Description { get; init; }
    /// <summary>The series the forum belongs to, by language, e.g. {"en": "Central Asia – Korea"}; null when not given.</summary>
    public required Dictionary<string, string>? Series { get; init; }
    /// <summary>The edition within the series (1, 2, ...); null when not given.</summary>
    public required int? Edition { get; init; }
    /// <summary>The host city by language, e.g. {"kk": "Түркістан", "en": "Turkistan"}.</summary>
    public required Dictionary<string, string> City { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of the host country, upper case, e.g. KZ.</summary>
    public required string Country { get; init; }
    /// <summary>The venue by language; null when not given.</summary>
    public required Dictionary<string, string>? Venue { get; init; }
    /// <summary>IANA time zone id, e.g. Asia/Almaty: the forum's dates and its sessions' times are in this zone.</summary>
    public required string TimeZone { get; init; }
    /// <summary>The first day (YYYY-MM-DD, in the forum's time zone); null until fixed.</summary>
    public required DateOnly? StartDate { get; init; }
    /// <summary>The last day (YYYY-MM-DD, in the forum's time zone): a forum lasts at most 31 days, both ends included; null until fixed.</summary>
    public required DateOnly? EndDate { get; init; }
    /// <summary>Most delegates holding places at once (confirmed or pending); null for no limit.</summary>
    public required int? Capacity { get; init; }
    /// <summary>When true, a registration that gets a place is pending until an organiser confirms it; when false, it is confirmed at once.</summary>
    public required bool RequiresApproval { get; init; }
    /// <summary>BCP 47 tags of the forum's working languages; empty when none are given.</summary>
    public required List<string> Languages { get; init; }
    /// <summary>Draft, published or archived; changed only by publish and archive.</summary>
    public required ForumStatus Status { get; init; }
    /// <summary>When the forum was created (UTC).</summary>
    public required DateTime CreatedAt { get; init; }
    /// <summary>When the forum's fields or status last changed (UTC).</summary>
    public required DateTime UpdatedAt { get; init; }
    /// <summary>When the forum was published (UTC); null while it is a draft, or for a forum archived without being published.</summary>
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
