using System.Data.Common;
using Forums.Api.Domain;

namespace Forums.Api.Persistence.LeanReads;

/// <summary>A forum's row, as the lean path reads it.</summary>
internal sealed record ForumRow(
    Guid Id, string Slug, Dictionary<string, string> Title, Dictionary<string, string>? Theme, Dictionary<string, string>? Description,
    Dictionary<string, string>? Series, int? Edition, Dictionary<string, string> City, string Country, Dictionary<string, string>? Venue,
    string TimeZone, DateOnly? StartDate, DateOnly? EndDate, int? Capacity, bool RequiresApproval, List<string> Languages,
    ForumStatus Status, DateTime CreatedAt, DateTime UpdatedAt, DateTime? PublishedAt, long Version);

/// <summary>What a resource under a forum needs to know of it.</summary>
internal sealed record ForumScopeRow(Guid Id, ForumStatus Status, bool RequiresApproval, string TimeZone, string Slug, DateTime? PublishedAt);

internal static class ForumRows
{
    internal static readonly LeanStatement ById = LeanStatement.Where("Forums",
        ["Id", "Slug", "Title", "Theme", "Description", "Series", "Edition", "City", "Country", "Venue", "TimeZone", "StartDate", "EndDate",
         "Capacity", "RequiresApproval", "Languages", "Status", "CreatedAt", "UpdatedAt", "PublishedAt", "Version"], "Id");

    internal static readonly LeanStatement ScopeById = LeanStatement.Where("Forums", ["Id", "Status", "RequiresApproval", "TimeZone", "Slug", "PublishedAt"], "Id");

    public static ValueTask<ForumRow?> ByIdAsync(LeanReader reads, Guid id, CancellationToken ct) => reads.ReadAsync(ById, [id], Read, ct);

    public static ValueTask<ForumScopeRow?> ScopeByIdAsync(LeanReader reads, Guid id, CancellationToken ct) =>
        reads.ReadAsync(ScopeById, [id], ReadScope, ct);

    internal static ForumRow Read(DbDataReader r) => new(
        r.Id(0), r.Text(1), r.LanguageMap(2), r.NullableLanguageMap(3), r.NullableLanguageMap(4),
        r.NullableLanguageMap(5), r.NullableNumber(6), r.LanguageMap(7), r.Text(8), r.NullableLanguageMap(9),
        r.Text(10), r.NullableDate(11), r.NullableDate(12), r.NullableNumber(13), r.Flag(14), r.Texts(15),
        r.Name<ForumStatus>(16), r.Time(17), r.Time(18), r.NullableTime(19), r.Version(20));

    internal static ForumScopeRow ReadScope(DbDataReader r) => new(r.Id(0), r.Name<ForumStatus>(1), r.Flag(2), r.Text(3), r.Text(4), r.NullableTime(5));
}
