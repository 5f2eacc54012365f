using System.Security.Claims;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Forums;

/// <summary>The forum a nested resource belongs to, as far as the caller may reach it.</summary>
/// <param name="Slug">The forum's slug, for the names of the files it answers (e.g. central-asia-korea-ii-programme.ics).</param>
/// <param name="PublishedAt">When it was published; null for a forum never published (who may read it: <see cref="Caller.CanSee"/>).</param>
public sealed record ForumScope(Guid Id, ForumStatus Status, bool RequiresApproval, string TimeZone, string Slug, DateTime? PublishedAt)
{
    private static readonly CompiledQuery<Guid, ForumScope?> ById = new((db, id, _) =>
        db.Forums.AsNoTracking().Where(f => f.Id == id)
            .Select(f => new ForumScope(f.Id, f.Status, f.RequiresApproval, f.TimeZone, f.Slug, f.PublishedAt)).FirstOrDefault());

    /// <summary>
    /// The same answer as <see cref="ForOrganiserAsync(ForumsDbContext, ClaimsPrincipal, Guid, CancellationToken)"/>
    /// on the lean path, on a connection of its own; inside a write transaction the lean reader refuses to run.
    /// </summary>
    public static async Task<(ForumScope? Forum, IResult? Problem)> ForOrganiserAsync(LeanReader reads, ClaimsPrincipal caller, Guid forumId, CancellationToken ct)
    {
        var forum = caller.Organises(forumId) && await ForumRows.ScopeByIdAsync(reads, forumId, ct) is { } row
            ? new ForumScope(row.Id, row.Status, row.RequiresApproval, row.TimeZone, row.Slug, row.PublishedAt)
            : null;
        return forum is null ? (null, ForumProblems.NotFound(forumId)) : (forum, null);
    }

    /// <summary>For organiser operations: the forum, or 404 when it does not exist or the token does not cover it.</summary>
    public static async Task<(ForumScope? Forum, IResult? Problem)> ForOrganiserAsync(ForumsDbContext db, ClaimsPrincipal caller, Guid forumId, CancellationToken ct)
    {
        var forum = caller.Organises(forumId) ? await ById.RunAsync(db, forumId, ct) : null;
        return forum is null ? (null, ForumProblems.NotFound(forumId)) : (forum, null);
    }

    /// <summary>
    /// For changes to what lies under a forum: the forum, 404 as for <see cref="ForOrganiserAsync(ForumsDbContext, ClaimsPrincipal, Guid, CancellationToken)"/>,
    /// or 409 forum-archived: an archived forum is read-only, and everything under it. The one place that rule is kept.
    /// </summary>
    public static async Task<(ForumScope? Forum, IResult? Problem)> ForChangeAsync(ForumsDbContext db, ClaimsPrincipal caller, Guid forumId, CancellationToken ct) =>
        Writable(await ForOrganiserAsync(db, caller, forumId, ct));

    /// <summary>The same as <see cref="ForChangeAsync(ForumsDbContext, ClaimsPrincipal, Guid, CancellationToken)"/>, on the lean path.</summary>
    public static async Task<(ForumScope? Forum, IResult? Problem)> ForChangeAsync(LeanReader reads, ClaimsPrincipal caller, Guid forumId, CancellationToken ct) =>
        Writable(await ForOrganiserAsync(reads, caller, forumId, ct));

    /// <summary>409 forum-archived for a change to an archived forum or to anything under it; null while it may change.</summary>
    public static IResult? RefuseChange(ForumStatus status) => status == ForumStatus.Archived ? ForumProblems.Archived() : null;

    private static (ForumScope? Forum, IResult? Problem) Writable((ForumScope? Forum, IResult? Problem) found) =>
        found.Forum is { } forum && RefuseChange(forum.Status) is { } archived ? (null, archived) : found;

    /// <summary>For public reads: the forum, or 404 when it does not exist or the caller may not see it (<see cref="Caller.CanSee"/>).</summary>
    public static async Task<(ForumScope? Forum, IResult? Problem)> ForReaderAsync(ForumsDbContext db, ClaimsPrincipal caller, Guid forumId, CancellationToken ct)
    {
        var forum = await ById.RunAsync(db, forumId, ct);
        return forum is null || !caller.CanSee(forum.Id, forum.Status, forum.PublishedAt) ? (null, ForumProblems.NotFound(forumId)) : (forum, null);
    }
}
