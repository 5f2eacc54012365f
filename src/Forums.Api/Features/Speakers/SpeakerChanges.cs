using System.Security.Claims;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Speakers;

internal static class SpeakerChanges
{
    /// <summary>Loads a speaker to change it, or the problem that stops the change (404, or 412 for a stale If-Match).</summary>
    public static async Task<(Speaker? Speaker, IResult? Problem)> LoadAsync(
        ForumsDbContext db, ClaimsPrincipal caller, Guid forumId, Guid speakerId, string? ifMatch, CancellationToken ct)
    {
        var (_, missing) = await ForumScope.ForOrganiserAsync(db, caller, forumId, ct);
        if (missing is not null)
            return (null, missing);
        var speaker = await db.Speakers.FirstOrDefaultAsync(s => s.Id == speakerId && s.ForumId == forumId, ct);
        if (speaker is null)
            return (null, SpeakerRules.NotFound(speakerId));
        return ConditionalWrites.CheckIfMatch(ifMatch, speaker) is { } stale ? (null, stale) : (speaker, null);
    }
}
