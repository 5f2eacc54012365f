using System.Security.Claims;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features;

/// <summary>A resource loaded to be changed, with the forum it lives under as the caller may reach it.</summary>
public sealed record Child<T>(ForumScope Forum, T Entity);

/// <summary>
/// The one way to load what a change changes: the forum itself or a resource under it, tracked, or the problem that
/// stops the change (404 when it does not exist or the caller's token does not cover its forum, 409 when the forum is
/// archived, 412 for a stale If-Match). Inside a transaction, <c>lockFirst</c> takes the locks a rule needs once the caller's access is known
/// and before the resource is read, so that what it counts is read as the lock holds it.
/// </summary>
internal static class Changes
{
    /// <param name="evenArchived">True for the one change an archived forum still takes: its deletion.</param>
    public static async Task<Outcome<Forum>> LoadForumAsync(ForumsDbContext db, ClaimsPrincipal caller, Guid forumId, string? ifMatch,
        CancellationToken ct, Func<Task>? lockFirst = null, bool evenArchived = false)
    {
        // A forum the caller's token does not cover is not found, so that its existence is not revealed.
        if (!caller.Organises(forumId))
            return Outcome.Refused(ForumProblems.NotFound(forumId));
        if (lockFirst is not null)
            await lockFirst();
        var forum = await db.Forums.FirstOrDefaultAsync(f => f.Id == forumId, ct);
        if (forum is null)
            return Outcome.Refused(ForumProblems.NotFound(forumId));
        if (!evenArchived && ForumScope.RefuseChange(forum.Status) is { } archived)
            return Outcome.Refused(archived);
        return ConditionalWrites.CheckIfMatch(ifMatch, forum) is { } stale ? Outcome.Refused(stale) : Outcome.Done(forum);
    }

    public static async Task<Outcome<Child<T>>> LoadAsync<T>(ForumsDbContext db, IQueryable<T> set, ClaimsPrincipal caller, Guid forumId,
        Guid id, string? ifMatch, Func<Guid, IResult> notFound, CancellationToken ct, Func<Task>? lockFirst = null)
        where T : class, IForumChild
    {
        var (forum, missing) = await ForumScope.ForChangeAsync(db, caller, forumId, ct);
        if (missing is not null)
            return Outcome.Refused(missing);
        if (lockFirst is not null)
            await lockFirst();
        var loaded = await LoadAsync(set, forum!, id, ifMatch, notFound, ct);
        return loaded.Problem is { } problem ? Outcome.Refused(problem) : Outcome.Done(new Child<T>(forum!, loaded.Value!));
    }

    /// <summary>The same, under a forum the caller was already found to reach.</summary>
    public static async Task<Outcome<T>> LoadAsync<T>(IQueryable<T> set, ForumScope forum, Guid id, string? ifMatch,
        Func<Guid, IResult> notFound, CancellationToken ct)
        where T : class, IForumChild
    {
        var entity = await set.FirstOrDefaultAsync(e => e.Id == id && e.ForumId == forum.Id, ct);
        if (entity is null)
            return Outcome.Refused(notFound(id));
        return ConditionalWrites.CheckIfMatch(ifMatch, entity) is { } stale ? Outcome.Refused(stale) : Outcome.Done(entity);
    }
}
