using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;
using FastEndpoints;

namespace Forums.Api.Http;

/// <summary>
/// FastEndpoints binds a query parameter to any property of the request DTO with its name, after the body and the route:
/// "?capacity=77" replaced the body's capacity, "?ifMatch=..." stood in for the If-Match header and "?forumId=..." for
/// the route's. A query parameter the operation does not declare ([QueryParam]) is refused with a 400 naming it.
/// </summary>
internal sealed class QueryParameterGuard(RequestDelegate next)
{
    // A URL is short, but its parameters are not named one by one past this many.
    private const int MaxNamed = 20;

    private static readonly ConcurrentDictionary<Type, FrozenSet<string>> Declared = new();

    public Task InvokeAsync(HttpContext context)
    {
        // Every operation, one without a request type too: the health probes took "?anything" without a word, as any
        // operation whose query nobody checked would take a filter it does not have ("check-ins/summary?delegationId=").
        if (context.Request.QueryString.HasValue
            && context.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>() is { } definition)
        {
            var declared = Declared.GetOrAdd(definition.ReqDtoType, QueryParameters);
            var unknown = context.Request.Query.Keys.Where(k => !declared.Contains(k)).Take(MaxNamed).ToList();
            if (unknown.Count > 0)
            {
                var takes = declared.Count == 0 ? "This operation takes no query parameters." : $"This operation takes: {string.Join(", ", declared.Order())}.";
                // Through the one place error documents are made: keys cut and their invisible characters escaped.
                var errors = unknown.ToDictionary(k => k, _ => new[] { $"Unknown query parameter. {takes}" });
                return TypedResults.Json(Problems.Validation(context, errors), statusCode: StatusCodes.Status400BadRequest,
                    contentType: Problems.ContentType).ExecuteAsync(context);
            }
            // The binder reads an empty value as no value ("?status=" listed everyone, "?validateOnly" imported for real)
            // and a repeated one as it pleases: each declared parameter is given once, with a value, or not at all.
            var unclear = context.Request.Query.Where(q => q.Value.Count != 1 || string.IsNullOrWhiteSpace(q.Value[0])).Take(MaxNamed).ToList();
            if (unclear.Count > 0)
                return TypedResults.Json(Problems.Validation(context, unclear.ToDictionary(q => q.Key, q => new[]
                {
                    q.Value.Count > 1 ? "Give this parameter once, with one value." : "Give this parameter a value, or leave it out.",
                })), statusCode: StatusCodes.Status400BadRequest, contentType: Problems.ContentType).ExecuteAsync(context);
        }
        return next(context);
    }

    private static FrozenSet<string> QueryParameters(Type requestType) =>
        requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<QueryParamAttribute>() is not null)
            .Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
