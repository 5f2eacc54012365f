using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Forums.Api.Auth;
using Forums.Api.Http.Idempotency;
using Forums.Api.OpenApi;

namespace Forums.Api.Http;

public static class HttpSetup
{
    public static IServiceCollection AddForumsHttp(this IServiceCollection services, IConfiguration configuration)
    {
        // One message per field, naming it as the JSON does.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddSingleton(TimeProvider.System);
        services.AddFastEndpoints();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => Problems.Enrich(c.ProblemDetails, c.HttpContext));
        services.AddExceptionHandler<ExceptionProblems>();
        services.AddHostedService<IdempotencyRecordPurger>();
        services.AddForumsOpenApi();
        services.AddForumsLimits(configuration);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return services;
    }

    public static WebApplication UseForumsHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseForumsAuth();
        app.UseForumsLimits();
        app.UseMiddleware<ContentTypeGuard>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseFastEndpoints(c =>
        {
            c.Endpoints.RoutePrefix = "api";
            ApiJson.Configure(c.Serializer.Options);
            var json = c.Serializer.Options;
            // An empty body is an empty request, not broken JSON: bodiless actions (publish, cancel...) accept a
            // Content-Type without a body, and a create with nothing in it is answered field by field.
            c.Serializer.RequestDeserializer = async (request, type, _, ct) =>
                request.ContentLength == 0
                    ? Activator.CreateInstance(type)
                    : await JsonSerializer.DeserializeAsync(request.Body, type, json, ct);
            c.Errors.ContentType = Problems.ContentType;
            c.Errors.ProducesMetadataType = typeof(ValidationProblem);
            c.Errors.ResponseBuilder = (failures, context, _) => Problems.Validation(context, Group(failures));
            c.Binding.JsonExceptionTransformer = e => new ValidationFailure(JsonField(e.Path),
                e is JsonValueException ? e.Message : "The value is not valid JSON for this field.");
            DateQueries.Configure(c.Binding);
        });
        app.UseForumsOpenApi();
        return app;
    }

    private static Dictionary<string, string[]> Group(List<ValidationFailure> failures) =>
        failures.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());

    // "$.title.kk" names the field "title.kk"; "$" (the body itself is not valid JSON) names the body.
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
