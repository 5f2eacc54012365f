using System.Collections.Concurrent;
using Forums.Api.Domain;

namespace Forums.Api.Auth;

/// <summary>
/// The tokens found valid in the last moment (Auth:TokenCacheSeconds, 1 s by default; 0 turns it off), so that an
/// organiser's burst of requests looks its token up once rather than once per request (issue 8: the lookup cost as
/// much as the read it guarded). Expiry is still checked on every request. A revocation evicts the token at once on
/// the instance that revoked it; other instances refuse it when their entry lapses, within that second. Unknown and
/// refused tokens are never kept, so a new token works at once everywhere.
/// </summary>
public sealed class TokenCache(TimeProvider time, TimeSpan lifetime)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (ValidToken Token, long At)> entries = new(StringComparer.Ordinal);

    public sealed record ValidToken(Guid Id, TokenRole Role, List<Guid> ForumIds, DateTime? ExpiresAt);

    public ValidToken? Find(string hash) =>
        entries.TryGetValue(hash, out var entry) && time.GetElapsedTime(entry.At) < lifetime ? entry.Token : null;

    public void Keep(string hash, ValidToken token)
    {
        if (lifetime <= TimeSpan.Zero)
            return;
        if (entries.Count >= MaxEntries)
            entries.Clear();
        entries[hash] = (token, time.GetTimestamp());
    }

    /// <summary>Forgets a token (revoked): its next request is looked up again.</summary>
    public void Forget(Guid tokenId)
    {
        foreach (var entry in entries.Where(e => e.Value.Token.Id == tokenId))
            entries.TryRemove(entry.Key, out _);
    }
}
