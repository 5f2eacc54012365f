using FastEndpoints;

namespace Forums.Api.Auth;

/// <summary>Who may call an endpoint; every endpoint declares one, and the OpenAPI document shows it.</summary>
public enum AccessLevel
{
    /// <summary>Anyone; a token, when sent, must be valid and shows what it covers.</summary>
    Public,
    /// <summary>An organiser token of the forum concerned, or an admin token; other forums' resources are 404.</summary>
    Organiser,
    /// <summary>An admin token; an organiser token is 403.</summary>
    Admin,
}

public sealed record AccessMetadata(AccessLevel Level);

public static class AccessDeclarations
{
    public static void Access(this EndpointDefinition endpoint, AccessLevel level)
    {
        switch (level)
        {
            case AccessLevel.Public:
                endpoint.AllowAnonymous();
                break;
            case AccessLevel.Organiser:
                endpoint.Roles(Caller.AdminRole, Caller.OrganiserRole);
                break;
            case AccessLevel.Admin:
                endpoint.Roles(Caller.AdminRole);
                break;
        }
        endpoint.Metadata(new AccessMetadata(level));
    }
}
