using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Forums;

internal static class ForumChanges
{
    /// <summary>Loads a forum to change it, or the problem that stops the change (404, or 412 for a stale If-Match).</summary>
    public static async Task<(Forum? Forum, IResult? Problem)> LoadAsync(ForumsDbContext db, Guid forumId, string? ifMatch, CancellationToken ct)
    {
        var forum = await db.Forums.FirstOrDefaultAsync(f => f.Id == forumId, ct);
        if (forum is null)
            return (null, ForumProblems.NotFound(forumId));
        return ConditionalWrites.CheckIfMatch(ifMatch, forum) is { } stale ? (null, stale) : (forum, null);
    }
}
