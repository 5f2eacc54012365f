using System.Text.Json.Nodes;
using Forums.Api.Auth;
using Forums.Api.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>Document-wide facts: one server (the API itself), described tags.</summary>
internal sealed class DocumentConventions : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Servers = [new OpenApiServer { Url = "/", Description = "This API, where the document is served" }];
        document.Tags = new HashSet<OpenApiTag>(context.ApiDescriptions
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<ApiTag>())
            .Distinct()
            .OrderBy(t => t.Place)
            .Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
    }
}

/// <summary>
/// Tells, per operation, who may call it: the bearer requirement (optional for public operations), an
/// x-access extension with the level, the sentence in the description, and the 401/403 answers it can give.
/// </summary>
internal sealed class SecurityRequirements : IOperationFilter
{
    public const string SchemeId = "bearer";

    public static readonly OpenApiSecurityScheme Scheme = new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "opaque token (fat_...)",
        Description = "An API token, sent as 'Authorization: Bearer <token>'. Admin tokens cover everything; organiser tokens the forums they name.",
    };

    private static readonly Dictionary<AccessLevel, string> Sentences = new()
    {
        [AccessLevel.Public] = "Access: public. A token, when sent, must be valid.",
        [AccessLevel.Organiser] = "Access: an organiser token of the forum, or an admin token. A forum the token does not cover answers 404.",
        [AccessLevel.Admin] = "Access: an admin token. An organiser token answers 403.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var access = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<AccessMetadata>().FirstOrDefault();
        if (access is null)
            return;

        var bearer = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] };
        operation.Security = access.Level == AccessLevel.Public ? [new OpenApiSecurityRequirement(), bearer] : [bearer];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-access"] = new JsonNodeExtension(JsonValue.Create(access.Level.ToString().ToLowerInvariant()));
        var sentence = Sentences[access.Level];
        if (access.Level == AccessLevel.Public && context.ApiDescription.RelativePath?.StartsWith("api/forum", StringComparison.Ordinal) == true)
            sentence += " A forum once published stays public when archived; a token also shows the drafts it covers.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? sentence : $"{operation.Description}\n\n{sentence}";

        operation.Responses ??= [];
        StandardAnswers.Add(operation, context, StatusCodes.Status401Unauthorized,
            access.Level == AccessLevel.Public ? "The token sent is not valid." : "No token, or one that is not valid.",
            new Dictionary<string, IOpenApiHeader>
            {
                ["WWW-Authenticate"] = new OpenApiHeader
                {
                    Description = "The Bearer challenge (RFC 6750): the realm, and for a token that is not valid, error=\"invalid_token\".",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            });
        if (access.Level == AccessLevel.Admin)
            StandardAnswers.Add(operation, context, StatusCodes.Status403Forbidden, "The token is not an admin token.");
    }
}
