using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;

namespace Forums.Api.Features.Health;

internal sealed class LivenessEndpoint : EndpointWithoutRequest<HealthResponse>
{
    public override void Configure()
    {
        Get("live");
        Group<HealthGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("getLiveness")
            .WithSummary("The process is running")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400), clearDefaults: true);
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(new HealthResponse("live"), ct);
}
