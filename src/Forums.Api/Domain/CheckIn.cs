namespace Forums.Api.Domain;

/// <summary>
/// One scan of a badge at the door. The client's nonce makes a retried scan the same scan; only a delegate's
/// first scan checks it in.
/// </summary>
public sealed class CheckIn
{
    private CheckIn() { }

    public Guid Id { get; private set; }
    public Guid ForumId { get; private set; }
    public Guid DelegateId { get; private set; }
    public string Nonce { get; private set; } = "";
    public DateTime ScannedAt { get; private set; }
    /// <summary>Whether this scan checked the delegate in (false: the delegate was already in).</summary>
    public bool FirstScan { get; private set; }

    public static CheckIn Record(Guid forumId, Guid delegateId, string nonce, DateTime now, bool firstScan) =>
        new() { Id = Guid.CreateVersion7(), ForumId = forumId, DelegateId = delegateId, Nonce = nonce, ScannedAt = now, FirstScan = firstScan };
}
