using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Forums.Api.Persistence;

// Used by `dotnet ef` only; neither needs a running server.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteForumsDbContext>
{
    public SqliteForumsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteForumsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerForumsDbContext>
{
    public SqlServerForumsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerForumsDbContext>()
            .UseSqlServer("Server=localhost;Database=Forums;Integrated Security=true;TrustServerCertificate=true").Options);
}
