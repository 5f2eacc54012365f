namespace Forums.Api.Domain;

/// <summary>A request that is well formed but breaks a business rule in the resource's current state (HTTP 409).</summary>
public sealed class RuleViolationException(string message) : Exception(message);
