using Forums.Api.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

public static class DatabaseStartup
{
    /// <summary>
    /// Brings the database to the model's migration. False when the database does not answer and others run the
    /// migrations: the API then starts without it, and is ready once it answers.
    /// </summary>
    public static async Task<bool> MigrateAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ForumsDbContext>();
        var migrate = Settings.Switch(app.Configuration, "Database:MigrateAtStartup", true);
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
            return true;
        }
        catch (Exception e) when (!migrate && DbErrors.IsUnavailable(e))
        {
            app.Logger.LogWarning("The database does not answer at start-up ({Error}); /health/ready says so until it does", e.GetBaseException().Message);
            return false;
        }
    }
}
