using Forums.Api.Domain;
using Forums.Api.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

/// <summary>The model, shared by both engines; each engine has its own sealed context and migrations.</summary>
public abstract class ForumsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Forum> Forums => Set<Forum>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<AppliedSeed> AppliedSeeds => Set<AppliedSeed>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<ForumDelegate> Delegates => Set<ForumDelegate>();
    public DbSet<Speaker> Speakers => Set<Speaker>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SessionSpeaker> SessionSpeakers => Set<SessionSpeaker>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ForumsDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Dictionary<string, string>>().HaveConversion<LocalizedTextConverter, LocalizedTextComparer>();
    }

    // A save is one write: it holds the gate across its statements and the transaction EF may begin for them; inside a
    // transaction the context already holds it.
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RaiseVersions();
        using var gate = await SqliteWriteGate.EnterAsync(Database, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RaiseVersions();
        using var gate = SqliteWriteGate.Enter(Database);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    // The token is raised by the application, not by the engine (SQLite has no rowversion),
    // so the same optimistic check runs on both engines.
    private void RaiseVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Added)
                entry.Property(e => e.Version).CurrentValue = 1;
            else if (entry.State == EntityState.Modified)
                entry.Property(e => e.Version).CurrentValue = entry.Property(e => e.Version).OriginalValue + 1;
        }
    }
}

public sealed class SqliteForumsDbContext(DbContextOptions<SqliteForumsDbContext> options) : ForumsDbContext(options);

public sealed class SqlServerForumsDbContext(DbContextOptions<SqlServerForumsDbContext> options) : ForumsDbContext(options);
