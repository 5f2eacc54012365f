using System.Data.Common;
using Forums.Api.Domain;

namespace Forums.Api.Persistence.LeanReads;

/// <summary>A delegate's row, as the lean path reads it.</summary>
internal sealed record DelegateRow(
    Guid Id, Guid ForumId, Guid? DelegationId, string Name, string? NameLatin, Dictionary<string, string>? Position,
    Dictionary<string, string>? Organisation, string? Country, string? Email, string? Phone, List<string> Languages,
    string? DietNeeds, string? AccessNeeds, string? InterpretationNeeds, RegistrationStatus Status, string AccreditationCode,
    DateTime RegisteredAt, DateTime StatusChangedAt, DateTime? WaitlistedAt, DateTime? CheckedInAt, DateTime UpdatedAt,
    long Version, string SortKey);

/// <summary>A forum's delegates, of one status, delegation and country when those are given (a country as stored: upper case).</summary>
internal sealed record DelegateFilter(Guid ForumId, RegistrationStatus? Status, Guid? DelegationId, string? Country);

internal static class DelegateRows
{
    private static readonly string[] Columns =
    [
        "Id", "ForumId", "DelegationId", "Name", "NameLatin", "Position", "Organisation", "Country", "Email", "Phone", "Languages",
        "DietNeeds", "AccessNeeds", "InterpretationNeeds", "Status", "AccreditationCode", "RegisteredAt", "StatusChangedAt",
        "WaitlistedAt", "CheckedInAt", "UpdatedAt", "Version", "SortKey",
    ];

    internal static readonly LeanStatement ByIdInForum = LeanStatement.Where("Delegates", Columns, "Id", "ForumId");

    // An e-mail registers once per forum (a unique index): at most one row.
    internal static readonly LeanStatement IdByEmail = LeanStatement.Where("Delegates", ["Id"], "ForumId", "Email");

    private const int ByStatus = 1, ByDelegation = 2, ByCountry = 4, AfterCursor = 8;

    /// <summary>One page statement per combination of filters and cursor, indexed by their flags.</summary>
    internal static readonly LeanStatement[] Pages = Enumerable.Range(0, 16).Select(PageOf).ToArray();

    private static LeanStatement PageOf(int flags)
    {
        var keys = new List<string> { "ForumId" };
        if ((flags & ByStatus) != 0)
            keys.Add("Status");
        if ((flags & ByDelegation) != 0)
            keys.Add("DelegationId");
        if ((flags & ByCountry) != 0)
            keys.Add("Country");
        return LeanStatement.Page("Delegates", Columns, [.. keys], "SortKey", after: (flags & AfterCursor) != 0);
    }

    public static ValueTask<DelegateRow?> ByIdAsync(LeanReader reads, Guid forumId, Guid id, CancellationToken ct) =>
        reads.ReadAsync(ByIdInForum, [id, forumId], Read, ct);

    public static ValueTask<Guid?> IdByEmailAsync(LeanReader reads, Guid forumId, string storedEmail, CancellationToken ct) =>
        reads.ReadAsync(IdByEmail, [forumId, storedEmail], r => (Guid?)r.Id(0), ct);

    /// <summary>Up to <paramref name="take"/> rows whose sort key follows <paramref name="after"/> (all when null), in sort-key order.</summary>
    public static ValueTask<List<DelegateRow>> PageAsync(LeanReader reads, DelegateFilter filter, string? after, int take, CancellationToken ct)
    {
        var flags = 0;
        var values = new List<object>(6) { filter.ForumId };
        void Compare(int flag, object? value)
        {
            if (value is null)
                return;
            flags |= flag;
            values.Add(value);
        }
        Compare(ByStatus, filter.Status);
        Compare(ByDelegation, filter.DelegationId);
        Compare(ByCountry, filter.Country);
        Compare(AfterCursor, after);
        values.Add(take);
        return reads.ReadAllAsync(Pages[flags], [.. values], Read, ct);
    }

    internal static DelegateRow Read(DbDataReader r) => new(
        r.Id(0), r.Id(1), r.NullableId(2), r.Text(3), r.NullableText(4), r.NullableLanguageMap(5),
        r.NullableLanguageMap(6), r.NullableText(7), r.NullableText(8), r.NullableText(9), r.Texts(10),
        r.NullableText(11), r.NullableText(12), r.NullableText(13), r.Name<RegistrationStatus>(14), r.Text(15),
        r.Time(16), r.Time(17), r.NullableTime(18), r.NullableTime(19), r.Time(20),
        r.Version(21), r.Text(22));
}
