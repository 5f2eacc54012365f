using System.Reflection;
using System.Text.RegularExpressions;
using FastEndpoints;
using Forums.Api.Http;
using Forums.Api.Http.Idempotency;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>
/// The FastEndpoints → Swashbuckle bridge: describes each operation's path, query and header parameters and
/// its JSON body from the endpoint's request DTO, which Swashbuckle cannot see through FastEndpoints' handler.
/// </summary>
internal sealed partial class FastEndpointsOperationFilter : IOperationFilter
{
    private static readonly HashSet<string> BodyVerbs = ["POST", "PUT", "PATCH"];

    [GeneratedRegex(@"\{(?<name>[^}:?]+)")]
    private static partial Regex RouteParameter();

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var definition = metadata.OfType<EndpointDefinition>().FirstOrDefault();
        if (definition is null)
            return;

        var verb = context.ApiDescription.HttpMethod ?? "GET";
        var requestType = definition.ReqDtoType;
        var hasBody = BodyVerbs.Contains(verb) && requestType != typeof(EmptyRequest);
        var routeOrder = RouteParameter().Matches(context.ApiDescription.RelativePath ?? "").Select(m => m.Groups["name"].Value).ToList();
        var routeNames = routeOrder.ToHashSet(StringComparer.OrdinalIgnoreCase);

        operation.Parameters ??= [];
        operation.Parameters.Clear();
        var bodyProperties = 0;
        foreach (var property in RequestProperties.Of(requestType))
        {
            var part = routeNames.Contains(property.Name) ? RequestPart.Path : RequestProperties.PartOf(property, hasBody);
            if (part == RequestPart.Body)
            {
                bodyProperties++;
                continue;
            }
            var name = RequestProperties.WireName(property);
            var schema = NonNullable(context.SchemaGenerator.GenerateSchema(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, context.SchemaRepository));
            ValidatorFacts.Describe(requestType, RequestProperties.JsonName(property), schema);
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = part switch { RequestPart.Path => ParameterLocation.Path, RequestPart.Header => ParameterLocation.Header, _ => ParameterLocation.Query },
                Required = part == RequestPart.Path || property.GetCustomAttribute<FromHeaderAttribute>()?.IsRequired == true,
                Description = DateRules.Describe(XmlDocs.Summary(property) ?? DefaultDescription(name), property.PropertyType),
                Schema = schema,
            });
        }

        // The path's parameters first, in the path's order, then the others as the request declares them: a generated
        // method then reads (forumId, delegateId, ...) as its URL does. Declared order put an inherited forumId last in
        // eight operations, and two ids of one type swapped compile (NSwag's PatchDelegateAsync(delegateId, ifMatch, forumId)).
        var parameters = operation.Parameters
            .OrderBy(p => p.In == ParameterLocation.Path ? routeOrder.FindIndex(n => n.Equals(p.Name, StringComparison.OrdinalIgnoreCase)) : int.MaxValue)
            .ToList();
        operation.Parameters.Clear();
        foreach (var parameter in parameters)
            operation.Parameters.Add(parameter);

        DescribeIdempotency(operation, context, metadata);
        if (operation.Responses?.ContainsKey("304") == true)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "The ETag you hold; when it still matches, the answer is 304 without a body.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }

        var rawBody = metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()
            .SelectMany(a => a.ContentTypes).FirstOrDefault(t => !t.Contains("json", StringComparison.Ordinal));
        // A merge patch is bound as its PUT body, but described by its own type, in which nothing is required.
        var mergePatch = metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()
            .FirstOrDefault(a => a.ContentTypes.Contains(MergePatch.ContentType))?.RequestType;
        operation.RequestBody = rawBody is not null
            ? new OpenApiRequestBody
            {
                // A file sent as the body itself (e.g. text/csv), described by the operation.
                Required = true,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [rawBody] = new OpenApiMediaType { Schema = File() },
                },
            }
            : hasBody && bodyProperties > 0
            ? new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [mergePatch is null ? "application/json" : MergePatch.ContentType] = new OpenApiMediaType
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(mergePatch ?? requestType, context.SchemaRepository),
                    },
                },
            }
            : null;

        DescribeResponseHeaders(operation, context);
        DescribeFiles(operation);
    }

    /// <summary>A file, sent or answered as the body itself: generators make it a stream (NSwag's FileResponse, a Blob).</summary>
    private static OpenApiSchema File() => new() { Type = JsonSchemaType.String, Format = "binary" };

    // Every answer that is not JSON (a PNG, a CSV, an iCalendar file) is a file, whatever type its endpoint declared
    // (a byte[] would be "format: byte", base64 text, which the API never sends), with the name to save it under.
    private static void DescribeFiles(OpenApiOperation operation)
    {
        foreach (var response in operation.Responses?.Values.OfType<OpenApiResponse>() ?? [])
        foreach (var (mediaType, content) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
        {
            if (mediaType.Contains("json", StringComparison.Ordinal) || content is not OpenApiMediaType concrete)
                continue;
            // A page (a problem type's) is read, not saved: text, without a file name.
            if (mediaType == "text/html")
            {
                concrete.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "An HTML page." };
                continue;
            }
            concrete.Schema = File();
            (response.Headers ??= new Dictionary<string, IOpenApiHeader>())["Content-Disposition"] = new OpenApiHeader
            {
                Description = "The file's name (attachment; an image is inline).", Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
        }
    }

    // Which operations take an Idempotency-Key and what a replay answers, in the operation's description and the header's.
    private static void DescribeIdempotency(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata)
    {
        string? rule = null;
        if (metadata.OfType<AcceptsIdempotencyKey>().FirstOrDefault() is { } accepts)
        {
            var replay = (accepts.ReplayOperation is null
                             ? "A retry with the same key and body within 24 hours replays the first answer (with Idempotent-Replayed: true). "
                             : "The answer holds personal data, so only its status and Location are kept: a retry with the same key and body within " +
                               $"24 hours answers them with the resource as it is now, as {accepts.ReplayOperation} shows it (with Idempotent-Replayed: true). ")
                         + "The same key with another body answers 422; a retry while the first still runs answers 409. Only a success is kept: " +
                         "after a refusal (4xx) the same key runs again, e.g. with the corrected request. A key belongs to the caller, the operation and its ids.";
            rule = $"{IdempotencyMiddleware.HeaderName}: {replay}";
            operation.Parameters!.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.HeaderName,
                In = ParameterLocation.Header,
                Description = $"A unique key for this request (e.g. a UUID). {replay}",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyMiddleware.MaxKeyLength },
            });
            StandardAnswers.Add(operation, context, StatusCodes.Status409Conflict,
                "A request with the same Idempotency-Key is still running (retry after Retry-After), or a conflict of this operation.",
                new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Sent when a request with the same Idempotency-Key is still running: seconds to wait before retrying.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    },
                });
            StandardAnswers.Add(operation, context, StatusCodes.Status422UnprocessableEntity,
                "The Idempotency-Key was used before with another body.");
            if (operation.Responses?.TryGetValue("201", out var created) == true && created is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[IdempotencyMiddleware.ReplayedHeaderName] = new OpenApiHeader
                {
                    Description = "\"true\" when this answer replays an earlier request with the same Idempotency-Key.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
        else if (metadata.OfType<RefusesIdempotencyKey>().FirstOrDefault() is { } refuses)
        {
            rule = $"Takes no Idempotency-Key (400 when sent): {refuses.Reason}";
        }
        if (rule is not null)
            operation.Description = string.IsNullOrEmpty(operation.Description) ? rule : $"{operation.Description}\n\n{rule}";
    }

    // ETag on every answer whose body carries its resource's tag (ITaggedResponse) and on conditional reads (those that
    // answer 304); Location on 201. Both are always sent there.
    private static void DescribeResponseHeaders(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses is null)
            return;
        var conditional = operation.Responses.ContainsKey("304");
        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete || status is not ("200" or "201" or "304"))
                continue;
            var type = context.ApiDescription.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode.ToString() == status)?.Type;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (conditional && status is "200" or "304" || type is not null && type.IsAssignableTo(typeof(ITaggedResponse)))
                concrete.Headers["ETag"] = new OpenApiHeader
                {
                    Description = "The current entity tag of what this answer shows, for If-None-Match (and, on a resource, If-Match).",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            var withoutLocation = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<CreatedWithoutLocation>().FirstOrDefault();
            if (status == "201" && withoutLocation is not null)
                concrete.Description = $"{concrete.Description} No Location: {withoutLocation.Reason}.";
            else if (status == "201")
                concrete.Headers["Location"] = new OpenApiHeader
                {
                    Description = "The new resource's URL.", Required = true, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            if (concrete.Headers.Count == 0)
                concrete.Headers = null;
        }
    }

    private static string? DefaultDescription(string name) => name switch
    {
        "If-Match" => "The ETag you read; if the resource changed since, the answer is 412 and nothing is changed.",
        _ => null,
    };

    // Query and path parameters are optional or present: never JSON null.
    private static IOpenApiSchema NonNullable(IOpenApiSchema schema)
    {
        if (schema is OpenApiSchema { Type: { } type } concrete)
            concrete.Type = type & ~JsonSchemaType.Null;
        return schema;
    }
}
