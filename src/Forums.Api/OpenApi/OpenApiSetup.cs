using Forums.Api.Hosting;
using Microsoft.OpenApi;

namespace Forums.Api.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    private static readonly string?[] MethodOrder = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Whether the document and Swagger UI are served (OpenApi:Enabled; by default everywhere but Production).</summary>
    private sealed record OpenApiSettings(bool Enabled);

    public static IServiceCollection AddForumsOpenApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(new OpenApiSettings(Settings.Switch(configuration, "OpenApi:Enabled", !environment.IsProduction())));
        var schemaIds = new SchemaIds();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Forum API",
                Version = "1.0",
                Contact = new OpenApiContact { Name = "The Forum API engineers (issues in the repository that serves this API)" },
                Description = "Organisers register delegations and delegates of international forums and publish their programme. " +
                              "Every error is RFC 9457 problem details; single resources carry ETags; lists are keyset-paged. " +
                              "Every GET also answers HEAD (the same status and headers, no body). Browser frontends may call it " +
                              "from the origins the API is configured with (CORS: Cors:AllowedOrigins). " +
                              "A request takes only what its schema lists: any other body member (a resource's read-only members sent " +
                              "back as they were read, id, status, createdAt..., included) or query parameter is a 400 naming each.",
            });
            o.CustomSchemaIds(schemaIds.For);
            // A property that refers to a schema keeps its own description beside the reference (allOf).
            o.UseAllOfToExtendReferenceSchemas();
            o.OrderActionsBy(d => $"{d.RelativePath}|{Array.IndexOf(MethodOrder, d.HttpMethod)}");
            o.IncludeXmlComments(XmlDocs.FilePath);
            o.OperationFilter<FastEndpointsOperationFilter>();
            o.AddSecurityDefinition(SecurityRequirements.SchemeId, SecurityRequirements.Scheme);
            o.OperationFilter<SecurityRequirements>();
            o.OperationFilter<StandardAnswers>();
            o.OperationFilter<ProblemTypeAnswers>();
            o.OperationFilter<ReaderLanguageAnswers>();
            o.DocumentFilter<DocumentConventions>();
            o.DocumentFilter<DocumentExamples>();
            o.SchemaFilter<ExactSchemaFilter>();
            o.SchemaFilter<LanguageMapSchemas>();
            o.SchemaFilter<EnumDescriptions>();
            o.SchemaFilter<ProblemMemberDescriptions>();
        });
        return services;
    }

    public static WebApplication UseForumsOpenApi(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<OpenApiSettings>().Enabled)
            return app;
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "Forum API v1");
            o.DocumentTitle = "Forum API";
            o.DisplayOperationId();
        });
        return app;
    }
}
