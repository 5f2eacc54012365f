using FastEndpoints;
using Microsoft.AspNetCore.Http.Metadata;

namespace Forums.Api.Http;

/// <summary>
/// An endpoint that takes a JSON body refuses a request without a Content-Type with 415 problem details
/// (routing already refuses a wrong Content-Type; FastEndpoints would answer a missing one with an empty 415).
/// An operation that takes no body refuses form data with a 400 (one that takes JSON is refused it by routing, 415): no
/// operation takes form data, and FastEndpoints would bind its fields to any property, If-Match and route ids included.
/// </summary>
internal sealed class ContentTypeGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var accepts = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
        if (string.IsNullOrEmpty(context.Request.ContentType) && accepts is { ContentTypes.Count: > 0 })
        {
            return Problems.Result(StatusCodes.Status415UnsupportedMediaType,
                $"Send the body as {string.Join(" or ", accepts.ContentTypes)} with a Content-Type header.").ExecuteAsync(context);
        }
        if (context.Request.HasFormContentType && accepts is null && context.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>() is { } definition
            && definition.ReqDtoType != typeof(EmptyRequest))
        {
            return Problems.BadRequest("Content-Type", "This operation takes no body: send none, or an empty JSON object; never form data.").ExecuteAsync(context);
        }
        return next(context);
    }
}
