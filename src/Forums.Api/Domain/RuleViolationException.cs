namespace Forums.Api.Domain;

/// <summary>A request that is well formed but breaks a business rule in the resource's current state (HTTP 409).</summary>
/// <param name="message">What was refused and why, for a person to read.</param>
/// <param name="rule">Which kind of rule refused it: the problem type a client tells it apart by.</param>
public sealed class RuleViolationException(string message, BrokenRule rule = BrokenRule.Invariant) : Exception(message)
{
    public BrokenRule Rule { get; } = rule;

    /// <summary>The status the resource is in, when a rule about statuses refused the change.</summary>
    public string? CurrentStatus { get; init; }

    /// <summary>The statuses (or values) the rule would have allowed.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>The places held, when a capacity or a quota may not go below them.</summary>
    public int? PlacesTaken { get; init; }
}

/// <summary>The kinds of rule the entities keep; each is answered with a problem type of its own.</summary>
public enum BrokenRule
{
    /// <summary>A value the request's validators should have refused first (the entity's last line of defence).</summary>
    Invariant,
    /// <summary>The resource's status does not allow the change (confirm a confirmed delegate, publish a published forum).</summary>
    StatusNotAllowed,
    /// <summary>Only a confirmed delegate has a badge and is let in.</summary>
    NotConfirmed,
    /// <summary>The registration is cancelled: reinstate it first.</summary>
    DelegateCancelled,
    /// <summary>The forum is archived: nothing under it changes any more.</summary>
    ForumArchived,
    /// <summary>A capacity or quota below the places already held.</summary>
    PlacesHeld,
    /// <summary>The token is revoked already.</summary>
    TokenRevoked,
}
