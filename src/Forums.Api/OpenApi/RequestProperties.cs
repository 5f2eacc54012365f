using System.Reflection;
using System.Text.Json;
using FastEndpoints;

namespace Forums.Api.OpenApi;

internal enum RequestPart { Path, Query, Header, Body }

/// <summary>Where FastEndpoints binds each property of a request DTO from, as the OpenAPI document must tell it.</summary>
internal static class RequestProperties
{
    public static RequestPart PartOf(PropertyInfo property, bool hasBody) =>
        property.GetCustomAttribute<RouteParamAttribute>() is not null ? RequestPart.Path
        : property.GetCustomAttribute<FromHeaderAttribute>() is not null ? RequestPart.Header
        : property.GetCustomAttribute<QueryParamAttribute>() is not null || !hasBody ? RequestPart.Query
        : RequestPart.Body;

    public static string WireName(PropertyInfo property) =>
        property.GetCustomAttribute<FromHeaderAttribute>()?.HeaderName ?? JsonName(property);

    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name
        ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    public static IEnumerable<PropertyInfo> Of(Type requestType) =>
        requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    /// <summary>Request DTOs are named ...Request; their properties bound from the route, query or headers are not part of the body.</summary>
    public static bool IsRequestType(Type type) => type.Name.EndsWith("Request", StringComparison.Ordinal);
}
