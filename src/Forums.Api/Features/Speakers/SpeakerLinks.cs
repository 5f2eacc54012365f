using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Speakers;

internal static class SpeakerLinks
{
    /// <summary>The linked delegate belongs to the forum and is no other speaker; null when it is fine.</summary>
    public static async Task<IResult?> CheckDelegateAsync(ForumsDbContext db, Guid forumId, Guid? delegateId, Guid speakerId, CancellationToken ct)
    {
        if (delegateId is not { } id)
            return null;
        if (!await db.Delegates.AnyAsync(d => d.Id == id && d.ForumId == forumId, ct))
            return Problems.BadRequest("delegateId", $"This forum has no delegate with id '{id}'.");
        var other = await db.Speakers.Where(s => s.ForumId == forumId && s.DelegateId == id && s.Id != speakerId)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        return other is { } existing
            ? SpeakerProblems.DelegateTaken(forumId, existing)
            : null;
    }
}
