using FastEndpoints;
using Forums.Api.Features.Forums;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>Document-wide facts: one server (the API itself), described tags.</summary>
internal sealed class DocumentConventions : IDocumentFilter
{
    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        [ForumsGroup.Tag] = ForumsGroup.Description,
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "This API, where the document is served" }];
        document.Tags = new HashSet<OpenApiTag>(
            TagDescriptions.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
    }
}

/// <summary>Marks operations that need no credentials with an empty security requirement (public by intent).</summary>
internal sealed class SecurityRequirements : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var definition = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<EndpointDefinition>().FirstOrDefault();
        if (definition?.AnonymousVerbs?.Contains(context.ApiDescription.HttpMethod) == true)
            operation.Security = [];
    }
}
