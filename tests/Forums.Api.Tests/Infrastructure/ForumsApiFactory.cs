using Forums.Api.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>The API in memory on its own SQLite file; a second factory on the same folder is a restart.</summary>
public class ForumsApiFactory : WebApplicationFactory<Program>
{
    private readonly bool ownsFolder;

    /// <param name="dataFolder">Null for a new folder that is deleted with the factory; a given folder outlives it (for restarts).</param>
    private readonly IReadOnlyDictionary<string, string?> settings;

    /// <param name="settings">Configuration for this host only, over the test defaults.</param>
    public ForumsApiFactory(string? dataFolder, bool seed, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ownsFolder = dataFolder is null;
        DataFolder = dataFolder ?? NewDataFolder();
        Seed = seed;
        this.settings = settings ?? new Dictionary<string, string?>();
    }

    /// <summary>The configured admin token of the test host (test-only value).</summary>
    public const string AdminToken = "fat_test-only-admin-token-0123456789abcdef";

    public string DataFolder { get; }
    public LogCapture Logs { get; } = new();
    public bool Seed { get; }
    public TestClock Clock { get; } = new();

    public static string NewDataFolder() => Path.Combine(Path.GetTempPath(), "forums-api-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:DataFolder", DataFolder);
        builder.UseSetting("Seed:Enabled", Seed ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Auth:AdminToken", AdminToken);
        // Tests send hundreds of requests a second from one client; the limiter has its own tests.
        builder.UseSetting("RateLimiting:Enabled", "false");
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // First of all start-up filters: the peer is known before any middleware, the framework's included, runs.
            services.Insert(0, ServiceDescriptor.Transient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestPeer>());
        });
    }

    /// <summary>A client whose every answer is held against the OpenAPI document (<see cref="ContractCheck"/>).</summary>
    public new HttpClient CreateClient() => CreateDefaultClient(new ContractCheck.Handler());

    /// <summary>A client for a test that reads answers as streams: status, content type and headers are still checked.</summary>
    public HttpClient CreateStreamingClient() => CreateDefaultClient(new ContractCheck.Handler(readBody: false));

    public HttpClient CreateAdminClient() => CreateClientWithToken(AdminToken);

    public HttpClient CreateClientWithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<ForumsDbContext, Task<T>> use)
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<ForumsDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsFolder)
            DeleteFolder(DataFolder);
    }

    public static void DeleteFolder(string folder)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection of a parallel test; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>For test classes that need an empty database.</summary>
public sealed class EmptyForumsApiFactory() : ForumsApiFactory(null, seed: false);

/// <summary>For test classes that read the seed forum.</summary>
public sealed class SeededForumsApiFactory() : ForumsApiFactory(null, seed: true);
