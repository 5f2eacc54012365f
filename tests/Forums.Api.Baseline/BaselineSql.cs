namespace Forums.Api.Baseline;

/// <summary>
/// Every statement the baseline sends. The test project compiles this file too (BenchmarkSchemaTests), so a
/// migration that renames a column or adds a required one fails a test instead of the next benchmark run.
/// </summary>
internal static class BaselineSql
{
    public const string ForumColumns =
        "Id, Slug, Title, Theme, Description, Series, Edition, City, Country, Venue, TimeZone, StartDate, EndDate, Capacity, " +
        "RequiresApproval, Languages, Status, CreatedAt, UpdatedAt, PublishedAt, Version";

    public const string DelegateColumns =
        "Id, ForumId, DelegationId, Name, NameLatin, Position, Organisation, Country, Email, Phone, Languages, DietNeeds, AccessNeeds, " +
        "InterpretationNeeds, Status, AccreditationCode, RegisteredAt, StatusChangedAt, WaitlistedAt, CheckedInAt, UpdatedAt, Version, SortKey";

    // Ordinals in the column lists above that the program reads outside the JSON writers.
    public const int ForumVersion = 20;
    public const int DelegateVersion = 21;
    public const int DelegateSortKey = 22;

    public const string ForumById = $"SELECT {ForumColumns} FROM Forums WHERE Id = $id";

    public const string DelegateById = $"SELECT {DelegateColumns} FROM Delegates WHERE Id = $id AND ForumId = $forum";

    public const string DelegatesOfForum = $"SELECT {DelegateColumns} FROM Delegates WHERE ForumId = $forum";
    public const string AndStatus = " AND Status = $status";
    public const string AndAfter = " AND SortKey > $after";
    public const string PageOrder = " ORDER BY SortKey LIMIT 21";

    public static string DelegatePage(bool byStatus, bool after) =>
        DelegatesOfForum + (byStatus ? AndStatus : "") + (after ? AndAfter : "") + PageOrder;

    public const string InsertDelegate =
        "INSERT INTO Delegates (Id, ForumId, Name, NameLatin, Country, Email, Languages, Status, AccreditationCode, RegisteredAt, " +
        "StatusChangedAt, UpdatedAt, Version, SearchText, SortKey) VALUES ($id, $forum, $name, $latin, $country, $email, $languages, " +
        "'Confirmed', $code, $now, $now, $now, 1, $search, $sort) " +
        $"RETURNING {DelegateColumns}";
}
