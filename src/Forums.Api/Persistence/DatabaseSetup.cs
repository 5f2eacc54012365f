using Forums.Api.Hosting;
using Forums.Api.Persistence.LeanReads;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

public static class DatabaseSetup
{
    public const string SqliteProvider = "Sqlite";
    public const string SqlServerProvider = "SqlServer";

    public static IServiceCollection AddForumsDatabase(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var provider = Settings.Text(configuration, "Database:Provider") ?? SqliteProvider;
        if (string.Equals(provider, SqliteProvider, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = SqliteConnectionString(configuration, environment);
            services.AddDbContextPool<ForumsDbContext, SqliteForumsDbContext>(options =>
                options.UseSqlite(connectionString).AddInterceptors(SqliteWriteGateInterceptor.Instance));
            services.AddSingleton(_ => LeanReader.ForSqlite(connectionString));
        }
        else if (string.Equals(provider, SqlServerProvider, StringComparison.OrdinalIgnoreCase))
        {
            var connectionString = Settings.Text(configuration, $"ConnectionStrings:{SqlServerProvider}");
            if (connectionString is null)
                throw new StartupConfigurationException(
                    "Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set. " +
                    "Set it (for example with the environment variable ConnectionStrings__SqlServer).");
            services.AddDbContextPool<ForumsDbContext, SqlServerForumsDbContext>(options =>
                options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
            services.AddSingleton(_ => LeanReader.ForSqlServer(connectionString));
        }
        else
        {
            throw new StartupConfigurationException(
                $"Database:Provider '{provider}' is not supported. Use '{SqliteProvider}' (the default) or '{SqlServerProvider}'.");
        }

        services.AddScoped<PlaceLedger>();
        return services;
    }

    private static string SqliteConnectionString(IConfiguration configuration, IHostEnvironment environment)
    {
        if (Settings.Text(configuration, $"ConnectionStrings:{SqliteProvider}") is { } configured)
            return configured;

        var folder = Path.GetFullPath(Settings.Text(configuration, "Database:DataFolder") ?? "data", environment.ContentRootPath);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "forums.db"),
            ForeignKeys = true,
            // Microsoft.Data.Sqlite retries a busy database until this many seconds have passed, then gives up (503).
            DefaultTimeout = Settings.Number(configuration, "Database:BusyTimeoutSeconds", 5, 0, 600),
        }.ToString();
    }
}
