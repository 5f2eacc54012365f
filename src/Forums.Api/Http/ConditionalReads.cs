using System.Buffers.Text;
using System.Security.Cryptography;
using Forums.Api.Persistence.LeanReads;

namespace Forums.Api.Http;

/// <summary>Reads that answer 304 while If-None-Match still matches the ETag (RFC 9110 §13.1.2).</summary>
public static class ConditionalReads
{
    /// <summary>Sets the ETag and tells whether If-None-Match still matches it.</summary>
    public static bool IsNotModified(HttpContext context, string etag)
    {
        context.Response.Headers.ETag = etag;
        return ETags.NoneMatchHits(context.Request.Headers.IfNoneMatch, etag);
    }

    /// <summary>One resource: the problem when it was refused or is missing, 304 while unchanged, else 200 with it.</summary>
    public static IResult Answer<T>(HttpContext context, T? resource, Func<T, string> etag, Func<IResult> problem) where T : class =>
        resource is null ? problem()
        : IsNotModified(context, etag(resource)) ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
        : TypedResults.Ok(resource);

    /// <summary>One resource read by the lean path, already JSON: as <see cref="Answer{T}"/>.</summary>
    public static IResult Json(HttpContext context, LeanRow? row, Func<IResult> problem) =>
        row is null ? problem()
        : IsNotModified(context, ETags.For(row.Version)) ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
        : TypedResults.Bytes(row.Json, JsonContentType);

    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>A document made on each read (agenda, exports), tagged by its bytes: equal bytes, equal tag, on every instance.</summary>
    public static IResult Bytes(HttpContext context, byte[] body, string contentType, string? fileName = null)
    {
        // Past the request's time limit the document is not sent: the answer is the timeout's 503, not a write cut off.
        context.RequestAborted.ThrowIfCancellationRequested();
        return IsNotModified(context, $"\"{Base64Url.EncodeToString(SHA256.HashData(body).AsSpan(0, 18))}\"")
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, contentType, fileName);
    }
}
