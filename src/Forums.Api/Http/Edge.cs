using System.Net;
using Forums.Api.Hosting;
using Forums.Api.Persistence;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Primitives;

namespace Forums.Api.Http;

/// <summary>
/// What the API believes about where a request came from: the client's address, scheme and host are the
/// connection's, unless the connection is from a configured proxy (ForwardedHeaders:KnownProxies/KnownNetworks),
/// whose X-Forwarded-For/-Proto/-Host then say them. Hosts not in AllowedHosts are refused as problem details.
/// </summary>
public static class Edge
{
    private sealed record EdgeSettings(bool TrustsProxies, IList<StringSegment> AllowedHosts)
    {
        public bool AnyHost => AllowedHosts.Count == 0 || AllowedHosts.Contains("*");
    }

    public static IServiceCollection AddForumsEdge(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Settings.List(configuration, "ForwardedHeaders:KnownProxies").Select(p =>
            IPAddress.TryParse(p, out var address) ? address
                : throw new StartupConfigurationException($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address.")).ToList();
        var networks = Settings.List(configuration, "ForwardedHeaders:KnownNetworks").Select(n =>
            System.Net.IPNetwork.TryParse(n, out var network) ? network
                : throw new StartupConfigurationException($"ForwardedHeaders:KnownNetworks: '{n}' is not a network in CIDR notation (10.0.0.0/8).")).ToList();
        var hosts = Settings.List(configuration, "AllowedHosts").Select(h => new StringSegment(h)).ToList();
        var settings = new EdgeSettings(proxies.Count + networks.Count > 0, hosts);
        services.AddSingleton(settings);
        services.AddSingleton(new PublicOrigin(configuration));

        // The framework's own host filter answers a plain page; this API's guard (below) answers problem details.
        services.Configure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With no proxy configured nothing is forwarded, even where ASPNETCORE_FORWARDEDHEADERS_ENABLED adds the framework's middleware.
            o.ForwardedHeaders = settings.TrustsProxies
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost
                : ForwardedHeaders.None;
            // The framework trusts loopback by default, and everyone when both lists are empty: only the configured proxies count.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
            // Each hop is honoured while it comes from a known proxy; the first unknown one is the client.
            o.ForwardLimit = null;
            if (!settings.AnyHost)
                o.AllowedHosts = hosts.Select(h => h.Value!).ToList();
        });
        return services;
    }

    public static WebApplication UseForumsEdge(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<EdgeSettings>();
        app.UseMiddleware<SecurityHeaders>();
        if (settings.TrustsProxies)
        {
            app.UseForwardedHeaders();
            // A proxy's X-Forwarded-Proto becomes the scheme of every absolute URL the API writes: http or https only.
            app.Use((context, next) =>
            {
                var scheme = context.Request.Scheme.ToLowerInvariant();
                if (scheme is not ("http" or "https"))
                    return Problems.BadRequest("X-Forwarded-Proto", "X-Forwarded-Proto names a scheme other than http or https.").ExecuteAsync(context);
                context.Request.Scheme = scheme;
                return next(context);
            });
        }
        if (!settings.AnyHost)
        {
            app.Use((context, next) =>
                // Health probes come from the platform by address (Host: 10.1.2.3:8080) and build no URL.
                context.Request.Path.StartsWithSegments("/health") || HostString.MatchesAny(context.Request.Host.Value ?? "", settings.AllowedHosts)
                    ? next(context)
                    : Problems.BadRequest("Host", "The Host header names a host this API does not serve (see AllowedHosts).").ExecuteAsync(context));
        }
        else if (app.Environment.IsProduction() && !app.Services.GetRequiredService<PublicOrigin>().IsConfigured)
        {
            app.Logger.LogWarning("AllowedHosts is '*' and Api:PublicBaseUrl is not set: the URLs in schedule.json follow the Host header of each request. Set one of them");
        }
        return app;
    }
}
