using Microsoft.AspNetCore.Authentication;

namespace Forums.Api.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddForumsAuth(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // Built now, so that a missing or development token in Production stops start-up at once.
        services.AddSingleton(new BootstrapAdminToken(configuration, environment));
        services.AddSingleton<TokenCache>();
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization();
        return services;
    }

    public static WebApplication UseForumsAuth(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<RejectInvalidTokens>();
        app.UseAuthorization();
        return app;
    }
}
