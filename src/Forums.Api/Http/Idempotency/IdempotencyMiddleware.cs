using System.Security.Cryptography;
using System.Text;
using Forums.Api.Persistence;
using Forums.Api.Persistence.Idempotency;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Forums.Api.Http.Idempotency;

/// <summary>
/// draft-ietf-httpapi-idempotency-key-header: the first request with a key runs and, when it succeeds, what a
/// replay needs is kept for 24 hours; a retry with the same key and body gets that answer again, the same key with
/// another body answers 422, and a retry while the first still runs answers 409. A key belongs to the caller, the
/// operation and the ids in its route, however the path is spelt. A POST to an operation that does not take a key
/// is refused, so that no client believes a retry is safe where it is not.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider time, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // The Scope column's size; a longer scope (never with the ids this API has) is kept as its hash.
    private const int MaxScopeLength = 300;

    // A first request that has not finished by then died with its instance; its key may be used again.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null || !context.Request.Headers.TryGetValue(HeaderName, out var keys))
        {
            await next(context);
            return;
        }
        var accepts = endpoint.Metadata.GetMetadata<AcceptsIdempotencyKey>();
        if (accepts is null)
        {
            // PUT, PATCH and DELETE are idempotent by themselves; only a POST could be mistaken for protected.
            if (HttpMethods.IsPost(context.Request.Method))
            {
                var reason = endpoint.Metadata.GetMetadata<RefusesIdempotencyKey>()?.Reason
                             ?? "Retrying this request with the same key would not be recognised.";
                await Problems.BadRequest(HeaderName, $"This operation takes no {HeaderName}: {reason} Send the request without it.").ExecuteAsync(context);
                return;
            }
            await next(context);
            return;
        }

        var key = keys.ToString();
        if (keys.Count != 1 || key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            await Problems.BadRequest(HeaderName, $"Send one key of 1 to {MaxKeyLength} visible ASCII characters.").ExecuteAsync(context);
            return;
        }

        var db = context.RequestServices.GetRequiredService<ForumsDbContext>();
        var scope = ScopeOf(context, endpoint);
        var hash = await HashRequestAsync(context.Request, context.RequestAborted);

        (IdempotencyRecord? Claimed, IdempotencyRecord? Existing) record;
        try
        {
            record = await ClaimAsync(db, scope, key, hash, context.RequestAborted);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Four claims in a row lost to other requests with this key: one of them is at work, as a retry will find.
            context.Response.Headers.RetryAfter = "1";
            await Problems.Result(ProblemTypes.IdempotencyRequestInFlight, $"Another request with this {HeaderName} keeps claiming it; retry shortly.")
                .ExecuteAsync(context);
            return;
        }
        if (record.Claimed is null)
        {
            await AnswerWithoutRunningAsync(context, record.Existing!, hash, accepts);
            return;
        }

        await RunAndKeepAnswerAsync(context, db, record.Claimed, accepts);
    }

    // The caller, the operation and its route values: "/API/FORUMS/{ID}/DELEGATIONS/" and "/api/forums/{id}/delegations"
    // are one operation on one forum, and so is the same id written in upper case, without hyphens or in braces.
    internal static string ScopeOf(HttpContext context, Endpoint endpoint)
    {
        var caller = context.User.Identity?.Name ?? "anonymous";
        var operation = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName ?? endpoint.DisplayName ?? "";
        var ids = context.Request.RouteValues
            .Select(v => (Name: v.Key.ToLowerInvariant(), Value: Normalise(v.Value)))
            .OrderBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => $"{v.Name}={v.Value}");
        var scope = $"{caller} {operation} {string.Join('&', ids)}".TrimEnd();
        return scope.Length <= MaxScopeLength && Ascii.IsValid(scope)
            ? scope
            : $"{caller} {operation} #{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))}";
    }

    private static string Normalise(object? routeValue) =>
        routeValue?.ToString() is { } text && Guid.TryParse(text, out var id) ? id.ToString("D") : routeValue?.ToString() ?? "";

    private async Task<(IdempotencyRecord? Claimed, IdempotencyRecord? Existing)> ClaimAsync(
        ForumsDbContext db, string scope, string key, string hash, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var existing = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);
            if (existing is not null)
            {
                var stale = existing.ExpiresAt <= now || (!existing.Completed && existing.CreatedAt <= now - AbandonedAfter);
                if (!stale)
                    return (null, existing);
                await db.IdempotencyRecords
                    .Where(r => r.Scope == scope && r.Key == key && r.CreatedAt == existing.CreatedAt)
                    .ExecuteDeleteAsync(cancellationToken);
            }

            var claimed = new IdempotencyRecord
            {
                Scope = scope, Key = key, RequestHash = hash, CreatedAt = now, ExpiresAt = now + Lifetime,
            };
            db.IdempotencyRecords.Add(claimed);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (claimed, null);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e) && attempt < 3)
            {
                // Another instance claimed the key between our read and our insert: read its record.
            }
            finally
            {
                db.Entry(claimed).State = EntityState.Detached;
            }
        }
    }

    private static async Task AnswerWithoutRunningAsync(HttpContext context, IdempotencyRecord existing, string hash, AcceptsIdempotencyKey accepts)
    {
        if (!string.Equals(existing.RequestHash, hash, StringComparison.Ordinal))
        {
            await Problems.Result(ProblemTypes.IdempotencyKeyReused, $"This {HeaderName} was already used with another request body; use a new key for a new request.")
                .ExecuteAsync(context);
            return;
        }
        if (!existing.Completed)
        {
            context.Response.Headers.RetryAfter = "1";
            await Problems.Result(ProblemTypes.IdempotencyRequestInFlight, $"The first request with this {HeaderName} is still being processed; retry shortly.")
                .ExecuteAsync(context);
            return;
        }

        if (accepts.ReplayOperation is { } operation && existing.Location is { } location)
        {
            await ReplayByReadingAsync(context, existing, operation, location);
            return;
        }

        var response = context.Response;
        response.StatusCode = existing.StatusCode ?? StatusCodes.Status200OK;
        response.Headers[ReplayedHeaderName] = "true";
        if (existing.Location is not null)
            response.Headers.Location = existing.Location;
        if (existing.ETag is not null)
            response.Headers.ETag = existing.ETag;
        if (existing.ContentType is not null)
            response.ContentType = existing.ContentType;
        if (existing.Body is { Length: > 0 } body)
            await response.Body.WriteAsync(body, context.RequestAborted);
    }

    // The kept status and Location, with the resource as its own GET answers it now (body, ETag, content type): the
    // same mapping, the same access rules, and nothing personal kept at rest. A resource gone since answers the GET's 404.
    private static async Task ReplayByReadingAsync(HttpContext context, IdempotencyRecord existing, string operation, string location)
    {
        var reader = context.RequestServices.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == operation);
        var routeValues = context.RequestServices.GetRequiredService<LinkParser>().ParsePathByEndpointName(operation, location)
            ?? throw new InvalidOperationException($"The kept Location {location} is not a URL of {operation}.");

        var request = context.Request;
        var (method, path, endpoint) = (request.Method, request.Path, context.GetEndpoint());
        request.Method = HttpMethods.Get;
        request.Path = location;
        request.QueryString = QueryString.Empty;
        request.RouteValues = routeValues;
        foreach (var header in (string[])[HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.IfMatch, HeaderNames.IfNoneMatch,
                     HeaderNames.IfModifiedSince, HeaderNames.IfUnmodifiedSince, HeaderNames.IfRange, HeaderNames.Range])
            request.Headers.Remove(header);
        request.Body = Stream.Null;
        context.SetEndpoint(reader);

        var response = context.Response;
        var original = response.Body;
        using var read = new MemoryStream();
        response.Body = read;
        try
        {
            await reader.RequestDelegate!(context);
        }
        finally
        {
            response.Body = original;
            // The request is logged as the client sent it.
            (request.Method, request.Path) = (method, path);
            context.SetEndpoint(endpoint);
        }
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            response.StatusCode = existing.StatusCode ?? StatusCodes.Status200OK;
            response.Headers.Location = location;
        }
        response.Headers[ReplayedHeaderName] = "true";
        read.Position = 0;
        await read.CopyToAsync(original, context.RequestAborted);
    }

    private async Task RunAndKeepAnswerAsync(HttpContext context, ForumsDbContext db, IdempotencyRecord claimed, AcceptsIdempotencyKey accepts)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        var kept = false;
        try
        {
            await next(context);

            // Only a success is kept: a refused request (4xx) changed nothing, so its retry, corrected or not, runs
            // again and answers as things are then; a failure (5xx) is retried by the client.
            var response = context.Response;
            if (response.StatusCode is >= 200 and < 300)
            {
                var keepAnswer = accepts.ReplayOperation is null;
                string? location = response.Headers.Location;
                string? etag = keepAnswer ? (string?)response.Headers.ETag : null, contentType = keepAnswer ? response.ContentType : null;
                var body = keepAnswer ? captured.ToArray() : null;
                await db.IdempotencyRecords
                    .Where(r => r.Scope == claimed.Scope && r.Key == claimed.Key)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(r => r.Completed, true)
                        .SetProperty(r => r.StatusCode, response.StatusCode)
                        .SetProperty(r => r.ContentType, contentType)
                        .SetProperty(r => r.Location, location)
                        .SetProperty(r => r.ETag, etag)
                        .SetProperty(r => r.Body, body), CancellationToken.None);
                kept = true;
            }
        }
        finally
        {
            context.Response.Body = original;
            if (!kept)
                await ForgetAsync(db, claimed);
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    // A request whose answer is not kept leaves nothing behind, so the client's retry runs it again.
    private async Task ForgetAsync(ForumsDbContext db, IdempotencyRecord claimed)
    {
        try
        {
            await db.IdempotencyRecords.Where(r => r.Scope == claimed.Scope && r.Key == claimed.Key)
                .ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not release an idempotency key after a request that is not kept; it expires by itself.");
        }
    }

    // The request as the operation reads it: its declared query parameters (others are refused before) and its body.
    private static async Task<string> HashRequestAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(CanonicalQuery(request.QueryString)));
        hash.AppendData("\n"u8);
        request.EnableBuffering();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    // The query as its parsed pairs, sorted by name (as the binding reads it, in any case): '?', '?&', another order of the names or another escaping of the same
    // text is the same request ('...?' retried as '...' answered 422 instead of the replay).
    private static string CanonicalQuery(QueryString query) =>
        string.Join('&', QueryHelpers.ParseQuery(query.Value)
            .OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .SelectMany(p => p.Value.Select(v => Uri.EscapeDataString(p.Key.ToLowerInvariant()) + "=" + Uri.EscapeDataString(v ?? ""))));
}
