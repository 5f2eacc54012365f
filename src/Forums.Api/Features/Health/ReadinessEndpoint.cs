using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Health;

internal sealed class ReadinessEndpoint(ForumsDbContext db, ILogger<ReadinessEndpoint> logger) : EndpointWithoutRequest<HealthResponse>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public override void Configure()
    {
        Get("ready");
        Group<HealthGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("getReadiness")
            .WithSummary("The database answers: send traffic")
            .Produces<HealthResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 503), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Deadline);
        try
        {
            // A real query, not only a connection: a file that opens but has no tables is not ready.
            await db.Forums.AsNoTracking().Select(f => f.Id).FirstOrDefaultAsync(deadline.Token);
            await Send.OkAsync(new HealthResponse("ready"), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Not ready: the database does not answer ({Error})", e.GetType().Name);
            HttpContext.Response.Headers.RetryAfter = "5";
            await Send.ResultAsync(Problems.Result(StatusCodes.Status503ServiceUnavailable, "The database does not answer; retry shortly."));
        }
    }
}
