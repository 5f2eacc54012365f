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
    private static readonly string[] Columns = LeanStatement.ColumnsOf(typeof(At));

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

    /// <summary>The delegate's row, as <paramref name="map"/> takes it from the reader (its columns at <see cref="At"/>); the default when there is none.</summary>
    public static ValueTask<T?> ByIdAsync<T>(LeanReader reads, Guid forumId, Guid id, Func<DbDataReader, T> map, CancellationToken ct) =>
        reads.ReadAsync(ByIdInForum, [id, forumId], map, ct);

    public static ValueTask<Guid?> IdByEmailAsync(LeanReader reads, Guid forumId, string storedEmail, CancellationToken ct) =>
        reads.ReadAsync(IdByEmail, [forumId, storedEmail], r => (Guid?)r.Id(0), ct);

    /// <summary>
    /// Up to <paramref name="take"/> rows whose sort key follows <paramref name="after"/> (all when null), in sort-key
    /// order, as <paramref name="readRows"/> goes through them (their columns at <see cref="At"/>).
    /// </summary>
    public static ValueTask<T> PageAsync<T>(LeanReader reads, DelegateFilter filter, string? after, int take, Func<DbDataReader, T> readRows,
        CancellationToken ct)
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
        return reads.ReadRowsAsync(Pages[flags], [.. values], readRows, ct);
    }

    /// <summary>
    /// The row read into its record, which <c>DelegateResponse.FromRow</c> maps and the serializer writes: the reads
    /// write delegates from the row instead (<c>DelegateResponse.WriteRow</c>), and the tests hold the two equal.
    /// </summary>
    internal static DelegateRow Read(DbDataReader r) => new(
        r.Id(At.Id), r.Id(At.ForumId), r.NullableId(At.DelegationId), r.Text(At.Name), r.NullableText(At.NameLatin),
        r.NullableLanguageMap(At.Position), r.NullableLanguageMap(At.Organisation), r.NullableText(At.Country), r.NullableText(At.Email),
        r.NullableText(At.Phone), r.Texts(At.Languages), r.NullableText(At.DietNeeds), r.NullableText(At.AccessNeeds),
        r.NullableText(At.InterpretationNeeds), r.Name<RegistrationStatus>(At.Status), r.Text(At.AccreditationCode),
        r.Time(At.RegisteredAt), r.Time(At.StatusChangedAt), r.NullableTime(At.WaitlistedAt), r.NullableTime(At.CheckedInAt),
        r.Time(At.UpdatedAt), r.Version(At.Version), r.Text(At.SortKey));

    /// <summary>The columns a row is read with: each constant is named as its column, and its value is the column's ordinal.</summary>
    internal static class At
    {
        public const int Id = 0, ForumId = 1, DelegationId = 2, Name = 3, NameLatin = 4, Position = 5, Organisation = 6, Country = 7,
            Email = 8, Phone = 9, Languages = 10, DietNeeds = 11, AccessNeeds = 12, InterpretationNeeds = 13, Status = 14,
            AccreditationCode = 15, RegisteredAt = 16, StatusChangedAt = 17, WaitlistedAt = 18, CheckedInAt = 19, UpdatedAt = 20,
            Version = 21, SortKey = 22;
    }
}
