namespace Forums.Api.Benchmarks;

/// <summary>
/// The import benchmark's plain ADO.NET statement. The test project compiles this file too (BenchmarkSchemaTests), so
/// a migration that renames a column or adds a required one fails a test instead of the next benchmark run.
/// </summary>
internal static class ImportSql
{
    public const string InsertDelegate = """
        INSERT INTO Delegates (Id, ForumId, DelegationId, Name, NameLatin, Position, Organisation, Country, Email, Phone, Languages,
            DietNeeds, AccessNeeds, InterpretationNeeds, Status, AccreditationCode, RegisteredAt, WaitlistedAt, StatusChangedAt,
            CheckedInAt, UpdatedAt, Version, SearchText, SortKey)
        VALUES ($id, $forum, NULL, $name, $latin, $position, $organisation, 'KZ', $email, $phone, '["kk","ru"]',
            'halal', NULL, NULL, 'Confirmed', $code, $now, NULL, $now, NULL, $now, 1, $search, $sort)
        """;
}
