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
