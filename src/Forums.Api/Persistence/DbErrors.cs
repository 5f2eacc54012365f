using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

public static class DbErrors
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintForeignKey = 787;
    private const int SqlServerForeignKeyViolation = 547;
    private static readonly int[] SqlServerUniqueViolations = [2601, 2627];

    // SQLite's result codes for a database that is busy, locked, read-only, cannot be opened, failed to read or write, or is full.
    private static readonly int[] SqliteUnavailable = [5, 6, 8, 10, 13, 14];

    /// <summary>
    /// The database cannot do its part now (locked past the busy timeout, read-only, unreachable, full): the request is
    /// answered 503 and may be retried; nothing about the request itself is wrong.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        SqliteException sqlite => SqliteUnavailable.Contains(sqlite.SqliteErrorCode),
        SqlException sql => sql.Number is -2 or 2 or 53 or 64 or 233 or 1205 or 3960 or 4060 or 10053 or 10054 or 10060 or 40197 or 40501 or 40613 or 49918 or 49919 or 49920,
        DbUpdateException { InnerException: { } inner } => IsUnavailable(inner),
        Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException { InnerException: { } inner } => IsUnavailable(inner),
        InvalidOperationException { InnerException: { } inner } => IsUnavailable(inner),
        TimeoutException => true,
        _ => false,
    };

    /// <summary>A row that another row points at was to be removed (or a pointer to a missing row written).</summary>
    public static bool IsForeignKeyViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint && sqlite.SqliteExtendedErrorCode == SqliteConstraintForeignKey,
        SqlException sql => sql.Number == SqlServerForeignKeyViolation,
        _ => false,
    };

    /// <summary>A unique index or key refused the write: the database is the final judge, pre-checks race.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        SqlException sql => SqlServerUniqueViolations.Contains(sql.Number),
        _ => false,
    };
}
