namespace Forums.Api.Http.Idempotency;

/// <summary>
/// Marks an operation whose POST may carry an Idempotency-Key, and says what of its answer may be kept for a replay.
/// </summary>
public sealed class AcceptsIdempotencyKey
{
    private AcceptsIdempotencyKey(string? replayOperation) => ReplayOperation = replayOperation;

    /// <summary>The answer holds no personal data and no secret: it is kept whole and replayed as it was.</summary>
    public static readonly AcceptsIdempotencyKey KeepingTheAnswer = new(null);

    /// <summary>
    /// The answer holds personal data: only its status and Location are kept, and a replay answers them with the
    /// resource as it is now, read by <paramref name="operationId"/> (the GET of the URL in Location).
    /// </summary>
    public static AcceptsIdempotencyKey ReadingAgainWith(string operationId) => new(operationId);

    /// <summary>The GET that answers a replay; null when the answer itself is kept.</summary>
    public string? ReplayOperation { get; }
}

/// <summary>An operation whose answer must never be kept (it shows a secret once): an Idempotency-Key is refused with this reason.</summary>
public sealed record RefusesIdempotencyKey(string Reason);
