namespace Forums.Api.Domain;

/// <summary>Everything an organiser sets on a forum; the status is changed only by its transitions.</summary>
public sealed record ForumDetails(
    string Slug,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string>? Theme,
    IReadOnlyDictionary<string, string>? Description,
    IReadOnlyDictionary<string, string>? Series,
    int? Edition,
    IReadOnlyDictionary<string, string> City,
    string Country,
    IReadOnlyDictionary<string, string>? Venue,
    string TimeZone,
    DateOnly? StartDate,
    DateOnly? EndDate,
    int? Capacity,
    bool RequiresApproval,
    IReadOnlyList<string> Languages);
