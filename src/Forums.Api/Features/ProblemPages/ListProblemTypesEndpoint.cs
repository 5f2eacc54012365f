using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;

namespace Forums.Api.Features.ProblemPages;

internal sealed class ListProblemTypesEndpoint(ProblemTypeUris uris) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("");
        Group<ProblemPagesGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("listProblemTypes")
            .WithSummary("Every problem type, with a link to its page")
            .WithDescription("An HTML page for a person: each type's URI, status and what went wrong. The same for every caller; cacheable for a day.")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblems(400), clearDefaults: true);
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        HttpContext.Response.Headers.CacheControl = ProblemPage.CacheControl;
        await Send.StringAsync(ProblemPage.List(uris), contentType: ProblemPage.ContentType, cancellation: ct);
    }
}
