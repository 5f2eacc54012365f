using Microsoft.AspNetCore.Http.Metadata;

namespace Forums.Api.Http;

/// <summary>
/// An endpoint that takes a JSON body refuses a request without a Content-Type with 415 problem details
/// (routing already refuses a wrong Content-Type; FastEndpoints would answer a missing one with an empty 415).
/// </summary>
internal sealed class ContentTypeGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (string.IsNullOrEmpty(context.Request.ContentType)
            && context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 } accepts)
        {
            return Problems.Result(StatusCodes.Status415UnsupportedMediaType,
                $"Send the body as {string.Join(" or ", accepts.ContentTypes)} with a Content-Type header.").ExecuteAsync(context);
        }
        return next(context);
    }
}
