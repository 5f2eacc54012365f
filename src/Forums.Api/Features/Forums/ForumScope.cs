using System.Security.Claims;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Forums;

/// <summary>The forum a nested resource belongs to, as far as the caller may reach it.</summary>
public sealed record ForumScope(Guid Id, ForumStatus Status, bool RequiresApproval, string TimeZone)
{
    private static readonly CompiledQuery<Guid, ForumScope?> ById = new((db, id, _) =>
        db.Forums.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new ForumScope(f.Id, f.Status, f.RequiresApproval, f.TimeZone)).FirstOrDefault());

    /// <summary>
    /// The same answer as <see cref="ForOrganiserAsync(ForumsDbContext, ClaimsPrincipal, Guid, CancellationToken)"/>
    /// on the lean path, on a connection of its own; inside a write transaction the lean reader refuses to run.
    /// </summary>
    public static async Task<(ForumScope? Forum, IResult? Problem)> ForOrganiserAsync(LeanReader reads, ClaimsPrincipal caller, Guid forumId, CancellationToken ct)
    {
        var forum = caller.Organises(forumId) && await ForumRows.ScopeByIdAsync(reads, forumId, ct) is { } row
            ? new ForumScope(row.Id, row.Status, row.RequiresApproval, row.TimeZone)
            : null;
        return forum is null ? (null, ForumProblems.NotFound(forumId)) : (forum, null);
    }

    /// <summary>For organiser operations: the forum, or 404 when it does not exist or the token does not cover it.</summary>
    public static async Task<(ForumScope? Forum, IResult? Problem)> ForOrganiserAsync(ForumsDbContext db, ClaimsPrincipal caller, Guid forumId, CancellationToken ct)
    {
        var forum = caller.Organises(forumId) ? await ById.RunAsync(db, forumId, ct) : null;
        return forum is null ? (null, ForumProblems.NotFound(forumId)) : (forum, null);
    }

    /// <summary>For public reads: the forum, or 404 when it does not exist or is a draft the caller does not organise.</summary>
    public static async Task<(ForumScope? Forum, IResult? Problem)> ForReaderAsync(ForumsDbContext db, ClaimsPrincipal caller, Guid forumId, CancellationToken ct)
    {
        var forum = await ById.RunAsync(db, forumId, ct);
        return forum is null || !caller.CanSee(forum.Id, forum.Status) ? (null, ForumProblems.NotFound(forumId)) : (forum, null);
    }
}
