using System.Security.Claims;
using Forums.Api.Domain;

namespace Forums.Api.Auth;

/// <summary>What the caller's token lets it do, read from the claims the bearer handler set.</summary>
public static class Caller
{
    public const string AdminRole = "admin";
    public const string OrganiserRole = "organiser";
    public const string ForumClaim = "forum";

    public static string RoleName(TokenRole role) => role == TokenRole.Admin ? AdminRole : OrganiserRole;

    public static bool IsAdmin(this ClaimsPrincipal caller) => caller.IsInRole(AdminRole);

    /// <summary>An admin organises every forum; an organiser the forums named in its token.</summary>
    public static bool Organises(this ClaimsPrincipal caller, Guid forumId) =>
        caller.IsAdmin() || caller.HasClaim(ForumClaim, forumId.ToString());

    public static List<Guid> OrganisedForums(this ClaimsPrincipal caller) =>
        caller.FindAll(ForumClaim).Select(c => Guid.Parse(c.Value)).ToList();

    /// <summary>
    /// Everyone sees a forum once it is published, and still when it is archived (read-only: its programme stays public);
    /// a draft, and a draft archived without ever being published, exist only for those who organise it.
    /// </summary>
    public static bool CanSee(this ClaimsPrincipal caller, Guid forumId, ForumStatus status, DateTime? publishedAt) =>
        Forum.IsPublic(status, publishedAt) || caller.Organises(forumId);
}
