using System.Security.Cryptography;
using Forums.Api.Persistence;
using Forums.Api.Persistence.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Http.Idempotency;

/// <summary>Marks an endpoint whose POST may carry an Idempotency-Key.</summary>
public sealed class AcceptsIdempotencyKey
{
    public static readonly AcceptsIdempotencyKey Instance = new();
}

/// <summary>
/// draft-ietf-httpapi-idempotency-key-header: the first request with a key runs and its answer is kept
/// for 24 hours; a retry with the same key and body gets that answer again, the same key with another
/// body answers 422, and a retry while the first still runs answers 409.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, TimeProvider time, ILogger<IdempotencyMiddleware> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 255;
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    // A first request that has not finished by then died with its instance; its key may be used again.
    private static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AcceptsIdempotencyKey>() is null
            || !context.Request.Headers.TryGetValue(HeaderName, out var keys))
        {
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
        var scope = $"{context.User.Identity?.Name ?? "anonymous"} {context.Request.Method} {context.Request.Path}";
        var hash = await HashBodyAsync(context.Request, context.RequestAborted);

        var record = await ClaimAsync(db, scope, key, hash, context.RequestAborted);
        if (record.Claimed is null)
        {
            await AnswerWithoutRunningAsync(context, record.Existing!, hash);
            return;
        }

        await RunAndKeepAnswerAsync(context, db, record.Claimed);
    }

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

    private static async Task AnswerWithoutRunningAsync(HttpContext context, IdempotencyRecord existing, string hash)
    {
        if (!string.Equals(existing.RequestHash, hash, StringComparison.Ordinal))
        {
            await Problems.Unprocessable($"This {HeaderName} was already used with another request body; use a new key for a new request.")
                .ExecuteAsync(context);
            return;
        }
        if (!existing.Completed)
        {
            context.Response.Headers.RetryAfter = "1";
            await Problems.Conflict($"The first request with this {HeaderName} is still being processed; retry shortly.")
                .ExecuteAsync(context);
            return;
        }

        var response = context.Response;
        response.StatusCode = existing.StatusCode ?? StatusCodes.Status200OK;
        response.Headers["Idempotent-Replayed"] = "true";
        if (existing.Location is not null)
            response.Headers.Location = existing.Location;
        if (existing.ETag is not null)
            response.Headers.ETag = existing.ETag;
        if (existing.ContentType is not null)
            response.ContentType = existing.ContentType;
        if (existing.Body is { Length: > 0 } body)
            await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private async Task RunAndKeepAnswerAsync(HttpContext context, ForumsDbContext db, IdempotencyRecord claimed)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        var kept = false;
        try
        {
            await next(context);

            var response = context.Response;
            if (response.StatusCode < 500)
            {
                var body = captured.ToArray();
                string? location = response.Headers.Location, etag = response.Headers.ETag, contentType = response.ContentType;
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

    // A failed first attempt keeps nothing, so the client's retry runs the request again.
    private async Task ForgetAsync(ForumsDbContext db, IdempotencyRecord claimed)
    {
        try
        {
            await db.IdempotencyRecords.Where(r => r.Scope == claimed.Scope && r.Key == claimed.Key)
                .ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not release an idempotency key after a failed request; it expires by itself.");
        }
    }

    private static async Task<string> HashBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var hash = await SHA256.HashDataAsync(request.Body, cancellationToken);
        request.Body.Position = 0;
        return Convert.ToHexString(hash);
    }
}
