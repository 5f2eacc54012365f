using System.Text.Json.Nodes;
using Forums.Api.Http;
using Forums.Api.Http.Idempotency;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>
/// Lists, on each error answer of each operation, the problem types it can carry: in x-problem-types (their URIs, what a
/// client compares) and in its description (linked to their pages). They are what the endpoint declares
/// (<see cref="EndpointDescriptions.ProducesProblems(RouteHandlerBuilder, ProblemType[])"/>), the one type of a status
/// that has one (400, 401, 404, 429...), and the idempotency middleware's two. An error answer of no known type stops the
/// document: every status an operation answers names what it means.
/// </summary>
internal sealed class ProblemTypeAnswers(ProblemTypeUris uris) : IOperationFilter
{
    public const string Extension = "x-problem-types";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var declared = metadata.OfType<DeclaredProblemTypes>().SelectMany(d => d.Types).ToHashSet();
        if (metadata.OfType<AcceptsIdempotencyKey>().Any())
            declared.UnionWith([ProblemTypes.IdempotencyRequestInFlight, ProblemTypes.IdempotencyKeyReused]);

        foreach (var (key, answer) in operation.Responses ?? [])
        {
            if (!int.TryParse(key, out var status) || status < 400 || answer is not OpenApiResponse response)
                continue;
            var types = ProblemTypes.All.Where(t => t.Status == status && (declared.Contains(t) || ProblemTypes.OfStatus(status) == t)).ToList();
            if (types.Count == 0)
                throw new InvalidOperationException(
                    $"{operation.OperationId} answers {status} but names none of its problem types: declare them with ProducesProblems(ProblemTypes...).");
            response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            response.Extensions[Extension] = new JsonNodeExtension(new JsonArray([.. types.Select(t => (JsonNode)JsonValue.Create(uris.For(t))!)]));
            var links = string.Join(", ", types.Select(t => $"[{t.Name}]({uris.For(t)})"));
            response.Description = $"{response.Description}\n\nProblem {(types.Count == 1 ? "type" : "types")}: {links}.";
        }
    }
}

/// <summary>Describes each optional member of the problem-details schema once, from <see cref="ProblemMembers"/>, with the types that carry it.</summary>
internal sealed class ProblemMemberDescriptions : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(ProblemDetailsResponse) && context.Type != typeof(ValidationProblem)
            || schema is not OpenApiSchema { Properties: { } properties })
            return;
        // Kiota makes the detail its exception's message (otherwise the message is the schema's name).
        if (properties.TryGetValue("detail", out var found) && found is OpenApiSchema detail)
            (detail.Extensions ??= new Dictionary<string, IOpenApiExtension>())["x-ms-primary-error-message"] = new JsonNodeExtension(JsonValue.Create(true));
        foreach (var (name, property) in properties)
        {
            if (!ProblemMembers.Described.TryGetValue(name, out var description) || property is not OpenApiSchema concrete)
                continue;
            var carriers = ProblemTypes.All.Where(t => t.Members.Contains(name)).Select(t => t.Name);
            concrete.Description = $"{description} Carried by: {string.Join(", ", carriers)}.";
        }
    }
}
