namespace Forums.Api.Domain;

/// <summary>What an API token may do.</summary>
public enum TokenRole
{
    /// <summary>Everything, in every forum: creating and deleting forums, and managing tokens, included. It names no forums.</summary>
    Admin = 0,
    /// <summary>Everything inside the forums it names, except creating or deleting forums and managing tokens (403); a forum it does not name answers 404.</summary>
    Organiser = 1,
}

/// <summary>An API token: only the hash of its secret is kept, so a stolen database grants nothing.</summary>
public sealed class ApiToken
{
    public const int MaxForums = 100;

    private ApiToken() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public TokenRole Role { get; private set; }
    /// <summary>The forums an organiser token covers; empty for an admin token, which covers all.</summary>
    public List<Guid> ForumIds { get; private set; } = [];
    /// <summary>The first characters of the token, to recognise it in lists; not enough to use it.</summary>
    public string Prefix { get; private set; } = "";
    public string SecretHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ExpiresAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public static ApiToken Create(Guid id, string name, TokenRole role, IReadOnlyCollection<Guid> forumIds,
        string prefix, string secretHash, DateTime now, DateTime? expiresAt)
    {
        if (role == TokenRole.Organiser && forumIds.Count == 0)
            throw new RuleViolationException("An organiser token must name at least one forum.");
        if (role == TokenRole.Admin && forumIds.Count > 0)
            throw new RuleViolationException("An admin token covers every forum; name none.");
        if (expiresAt is { } limit && !DateWindow.ContainsInstant(limit))
            throw new RuleViolationException($"A token expires {DateWindow.Rule}.");
        if (expiresAt is { } expiry && expiry <= now)
            throw new RuleViolationException("A token cannot expire before it is created.");
        return new ApiToken
        {
            Id = id, Name = name, Role = role, ForumIds = [.. forumIds.Distinct()], Prefix = prefix,
            SecretHash = secretHash, CreatedAt = now, ExpiresAt = expiresAt,
        };
    }

    public bool IsActive(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public void Revoke(DateTime now)
    {
        if (RevokedAt is not null)
            throw new RuleViolationException("The token is already revoked.", BrokenRule.TokenRevoked);
        RevokedAt = now;
    }
}
