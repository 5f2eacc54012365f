namespace Forums.Api.Persistence.Idempotency;

/// <summary>
/// One Idempotency-Key as a caller used it (draft-ietf-httpapi-idempotency-key-header): kept in the
/// database, not in memory, so that any instance behind a load balancer answers a retry the same way. Only successes are
/// kept; the body, ETag and content type only for operations whose answer holds no personal data and no secret (the others
/// keep status and Location, and a replay reads the resource again). Deleted by the purger once expired.
/// </summary>
public sealed class IdempotencyRecord
{
    public string Scope { get; set; } = "";
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public bool Completed { get; set; }
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
