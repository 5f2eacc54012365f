using Forums.Api.Hosting;
using Microsoft.AspNetCore.Authentication;

namespace Forums.Api.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddForumsAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Built now, so that a missing or development token in Production stops start-up at once.
        services.AddSingleton(new BootstrapAdminToken(configuration, environment));
        var cacheFor = TimeSpan.FromSeconds(Settings.Number(configuration, "Auth:TokenCacheSeconds", 1.0, 0, 3600));
        services.AddSingleton(sp => new TokenCache(sp.GetRequiredService<TimeProvider>(), cacheFor));
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }

    /// <summary>Authentication, then <paramref name="limits"/> (which count callers by token and failed tokens by client), then refusal of invalid tokens and authorization.</summary>
    public static WebApplication UseForumsAuth(this WebApplication app, Action<WebApplication> limits)
    {
        app.UseAuthentication();
        limits(app);
        app.UseMiddleware<RejectInvalidTokens>();
        app.UseAuthorization();
        return app;
    }
}
