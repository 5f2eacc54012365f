using Forums.Api.Auth;
using Forums.Api.Hosting;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Forums.Api.Seeding;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Logging.AddForumsLogging(builder.Environment);
    builder.Services.AddForumsDatabase(builder.Configuration, builder.Environment);
    builder.Services.AddForumsAuth(builder.Configuration, builder.Environment);
    builder.Services.AddForumsHttp(builder.Configuration, builder.Environment);

    var app = builder.Build();
    if (await app.MigrateAsync())
        await app.SeedAsync();
    app.UseForumsHttp();
    await app.RunAsync();
}
catch (StartupConfigurationException e)
{
    await Console.Error.WriteLineAsync($"Forum API cannot start: {e.Message}");
    Environment.ExitCode = 1;
}

public partial class Program;
