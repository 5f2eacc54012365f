namespace Forums.Api.Http;

public static class ConditionalReads
{
    /// <summary>Sets the ETag and tells whether If-None-Match still matches it (answer 304, RFC 9110 §13.1.2).</summary>
    public static bool IsNotModified(HttpContext context, string etag)
    {
        context.Response.Headers.ETag = etag;
        return ETags.NoneMatchHits(context.Request.Headers.IfNoneMatch, etag);
    }
}
