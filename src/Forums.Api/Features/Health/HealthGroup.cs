using FastEndpoints;
using Forums.Api.Http;

namespace Forums.Api.Features.Health;

public sealed class HealthGroup : Group
{
    public static readonly ApiTag Tag = new("Health", 9,
        "For load balancers and orchestrators: live while the process runs, ready while the database answers.");

    public HealthGroup() => Configure("/health", ep =>
    {
        ep.RoutePrefixOverride(string.Empty);
        ep.Description(d => d.WithTag(Tag));
    });
}

/// <summary>The state of the process or of its dependencies.</summary>
/// <param name="Status">"live" from /health/live, "ready" from /health/ready.</param>
public sealed record HealthResponse(string Status);
