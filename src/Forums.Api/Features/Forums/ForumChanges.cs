using System.Security.Claims;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Forums;

internal static class ForumChanges
{
    /// <summary>
    /// Loads a forum to change it, or the problem that stops the change (404, or 412 for a stale If-Match). Inside a
    /// transaction, <paramref name="lockFirst"/> takes the place ledger's locks once the caller's access is known and
    /// before the forum is read, so that its counter is read as the lock holds it.
    /// </summary>
    public static async Task<(Forum? Forum, IResult? Problem)> LoadAsync(
        ForumsDbContext db, ClaimsPrincipal caller, Guid forumId, string? ifMatch, CancellationToken ct, Func<Task>? lockFirst = null)
    {
        // A forum the caller's token does not cover is not found, so that its existence is not revealed.
        if (!caller.Organises(forumId))
            return (null, ForumProblems.NotFound(forumId));
        if (lockFirst is not null)
            await lockFirst();
        var forum = await db.Forums.FirstOrDefaultAsync(f => f.Id == forumId, ct);
        if (forum is null)
            return (null, ForumProblems.NotFound(forumId));
        return ConditionalWrites.CheckIfMatch(ifMatch, forum) is { } stale ? (null, stale) : (forum, null);
    }
}
