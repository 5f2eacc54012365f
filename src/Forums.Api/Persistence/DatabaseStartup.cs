using Forums.Api.Hosting;
using Forums.Api.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

public static class DatabaseStartup
{
    /// <summary>Brings the database to the model's migration and loads the seed when it is enabled.</summary>
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumsDbContext>();
        var config = app.Configuration;

        var migrate = Settings.Switch(config, "Database:MigrateAtStartup", true);
        var seed = Settings.Switch(config, "Seed:Enabled", true);
        if (migrate)
        {
            // Migrating begins transactions of its own, which the gate allows only to the context that holds it.
            using var gate = await SqliteWriteGate.EnterAsync(db.Database, CancellationToken.None);
            await db.Database.MigrateAsync();
        }
        try
        {
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while the single writer writes; the setting persists in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            await SessionRoomKeys.RefreshAsync(db, CancellationToken.None);

            if (seed)
            {
                var folder = Path.GetFullPath(Settings.Text(config, "Seed:Folder") ?? Path.Combine(AppContext.BaseDirectory, "seeds"), app.Environment.ContentRootPath);
                await ActivatorUtilities.CreateInstance<SeedLoader>(scope.ServiceProvider).LoadFolderAsync(folder, CancellationToken.None);
            }
        }
        catch (Exception e) when (!migrate && DbErrors.IsUnavailable(e))
        {
            // Where others run the migrations, the API starts without its database and is ready once it answers.
            app.Logger.LogWarning("The database does not answer at start-up ({Error}); /health/ready says so until it does", e.GetBaseException().Message);
        }
    }
}
