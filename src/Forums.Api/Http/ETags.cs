using Microsoft.Extensions.Primitives;

namespace Forums.Api.Http;

/// <summary>Entity tags made from a resource's concurrency token (RFC 9110 §8.8.3, §13.1).</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>If-None-Match uses the weak comparison (RFC 9110 §13.1.2).</summary>
    public static bool NoneMatchHits(StringValues ifNoneMatch, string etag) => Any(ifNoneMatch, etag, weak: true);

    /// <summary>If-Match uses the strong comparison (RFC 9110 §13.1.1); absent means no precondition.</summary>
    public static bool MatchFails(string? ifMatch, string etag) =>
        !string.IsNullOrWhiteSpace(ifMatch) && !Any(ifMatch, etag, weak: false);

    private static bool Any(StringValues header, string etag, bool weak)
    {
        foreach (var value in header)
        {
            foreach (var raw in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (raw == "*")
                    return true;
                var isWeak = raw.StartsWith("W/", StringComparison.Ordinal);
                if (isWeak && !weak)
                    continue;
                if (string.Equals(isWeak ? raw[2..] : raw, etag, StringComparison.Ordinal))
                    return true;
            }
        }
        return false;
    }
}

/// <summary>
/// A response that carries its resource's entity tag: every answer with it sends the tag as ETag, and the OpenAPI
/// document declares the header there (and only there, with conditional reads).
/// </summary>
public interface ITaggedResponse
{
    string ETag { get; }
}
