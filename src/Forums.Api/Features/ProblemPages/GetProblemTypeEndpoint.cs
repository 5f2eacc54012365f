using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;

namespace Forums.Api.Features.ProblemPages;

/// <summary>The problem type to describe.</summary>
public sealed class GetProblemTypeRequest
{
    /// <summary>The type's name, the last segment of its URI, e.g. room-clash.</summary>
    [RouteParam]
    public string ProblemType { get; init; } = "";
}

internal sealed class GetProblemTypeEndpoint(ProblemTypeUris uris) : Endpoint<GetProblemTypeRequest>
{
    public override void Configure()
    {
        Get("{problemType}");
        Group<ProblemPagesGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("getProblemType")
            .WithSummary("The page a problem type URI points at")
            .WithDescription("An HTML page for a person: when the problem happens, what to do, and the members it carries. " +
                             "The same for every caller; cacheable for a day.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(GetProblemTypeRequest req, CancellationToken ct)
    {
        if (ProblemTypes.Named(req.ProblemType) is not { } type)
        {
            await Send.ResultAsync(Problems.NotFound($"There is no problem type named '{req.ProblemType}'; GET {ProblemTypes.PagePath} lists them."));
            return;
        }
        HttpContext.Response.Headers.CacheControl = ProblemPage.CacheControl;
        await Send.StringAsync(ProblemPage.Of(type, uris), contentType: ProblemPage.ContentType, cancellation: ct);
    }
}
