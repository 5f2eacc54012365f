using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using FluentValidation.Results;
using Forums.Api.Auth;
using Forums.Api.Http.Idempotency;
using Forums.Api.Http.Validation;
using Forums.Api.OpenApi;

namespace Forums.Api.Http;

public static partial class HttpSetup
{
    public static IServiceCollection AddForumsHttp(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // One message per field, naming it as the JSON does.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        services.AddSingleton(TimeProvider.System);
        services.AddFastEndpoints();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddSingleton(new ProblemTypeUris(configuration));
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c => Problems.Enrich(c.ProblemDetails, c.HttpContext));
        services.AddExceptionHandler<ExceptionProblems>();
        services.AddIdempotencyRecordPurger(configuration);
        services.AddForumsOpenApi(configuration, environment);
        services.AddForumsEdge(configuration);
        services.AddForumsCrossOrigin(configuration);
        services.AddForumsLimits(configuration);
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return services;
    }

    public static WebApplication UseForumsHttp(this WebApplication app)
    {
        app.UseMiddleware<HeadRequests>();
        app.UseReaderLanguages();
        app.UseRouting();
        app.UseForumsEdge();
        app.UseForumsCrossOrigin(app.Configuration);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseForumsAuth(limits: a => a.UseForumsLimits());
        app.UseMiddleware<ContentTypeGuard>();
        app.UseMiddleware<QueryParameterGuard>();
        app.UseMiddleware<BodyMemberGuard>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseMiddleware<MergePatches>();
        app.UseFastEndpoints(c =>
        {
            c.Endpoints.RoutePrefix = "api";
            ApiJson.Configure(c.Serializer.Options);
            var json = RequestBodies.ReaderOptions(c.Serializer.Options);
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
                e is JsonValueException ? e.Message : Mismatch(e));
            QueryValues.Configure(c.Binding);
            c.Binding.FailureMessage = (type, _, value) =>
                QueryValues.DateError(type, value) ?? $"'{RuleExtensions.Shorten(value.ToString())}' is not {Expected(type)}.";
        });
        app.UseForumsOpenApi();
        return app;
    }

    private static Dictionary<string, string[]> Group(List<ValidationFailure> failures) =>
        failures.GroupBy(f => f.PropertyName).ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());

    // "$.title.kk" names the field "title.kk"; "$" (the body itself is not valid JSON) names the body.
    // FastEndpoints' own message repeats the whole value (a query string or header of kilobytes); this one names a short part of it.
    /// <summary>What a JSON value of the wrong kind should have been, from the reader's "could not be converted to T".</summary>
    private static string Mismatch(JsonException e)
    {
        var match = ConvertedTo().Match(e.Message);
        if (!match.Success)
            return "The value is not valid JSON for this field.";
        var type = match.Groups[1].Value;
        var expected =
            type.Contains("Dictionary", StringComparison.Ordinal) ? "an object"
            : type.Contains("List`1", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal) || type.Contains("Enumerable", StringComparison.Ordinal) ? "an array"
            : type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("Boolean", StringComparison.Ordinal) ? "true or false"
            : type.Contains("Guid", StringComparison.Ordinal) ? "an id (a UUID)"
            : type.Contains("System.String", StringComparison.Ordinal) ? "a string"
            : "an object";
        return $"The value is not {expected}.";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"could not be converted to ([^ ]+?)\. ")]
    private static partial System.Text.RegularExpressions.Regex ConvertedTo();

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(Guid) => "an id (a UUID)",
        var t when t == typeof(DateOnly) => "a date (YYYY-MM-DD)",
        var t when t == typeof(bool) => "true or false",
        var t when t.IsEnum => $"one of {string.Join(", ", Enum.GetNames(t).Select(JsonNamingPolicy.CamelCase.ConvertName))}",
        _ => "a valid value",
    };

    // The path can hold a client's map key of any length: it is named, not repeated whole.
    private static string JsonField(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "$" : Shorten(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path);

    private static string Shorten(string field) => field.Length <= MaxFieldNameLength ? field : field[..MaxFieldNameLength] + "…";

    private const int MaxFieldNameLength = 100;
}
