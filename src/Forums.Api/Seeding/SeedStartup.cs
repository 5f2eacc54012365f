using Forums.Api.Hosting;

namespace Forums.Api.Seeding;

public static class SeedStartup
{
    /// <summary>Loads the seed folder when the seed is enabled.</summary>
    public static async Task SeedAsync(this WebApplication app)
    {
        if (!Settings.Switch(app.Configuration, "Seed:Enabled", true))
            return;
        await using var scope = app.Services.CreateAsyncScope();
        var folder = Path.GetFullPath(Settings.Text(app.Configuration, "Seed:Folder") ?? Path.Combine(AppContext.BaseDirectory, "seeds"),
            app.Environment.ContentRootPath);
        await ActivatorUtilities.CreateInstance<SeedLoader>(scope.ServiceProvider).LoadFolderAsync(folder, CancellationToken.None);
    }
}
