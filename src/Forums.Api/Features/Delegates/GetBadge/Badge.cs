using Forums.Api.Domain;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates.GetBadge;

/// <summary>
/// What a badge carries, read in one query for the badge and for its QR code alike: only a confirmed delegate of the
/// forum has one.
/// </summary>
internal sealed record Badge(ForumDelegate Delegate, Dictionary<string, string> ForumTitle, Dictionary<string, string>? Delegation)
{
    /// <summary>The badge of the forum's delegate, or null when the forum has no such delegate; a rule violation when not confirmed.</summary>
    public static async Task<Badge?> ReadAsync(ForumsDbContext db, Guid forumId, Guid delegateId, CancellationToken ct)
    {
        var badge = await db.Delegates.AsNoTracking().Where(d => d.Id == delegateId && d.ForumId == forumId)
            .Select(d => new Badge(d,
                db.Forums.Where(f => f.Id == d.ForumId).Select(f => f.Title).First(),
                db.Delegations.Where(g => g.Id == d.DelegationId).Select(g => g.Name).FirstOrDefault()))
            .FirstOrDefaultAsync(ct);
        badge?.Delegate.EnsureConfirmed("badge");
        return badge;
    }

    /// <summary>The badge with every language of its texts, or only the reader's (<paramref name="language"/>).</summary>
    public BadgeResponse ToResponse(string? language)
    {
        Dictionary<string, string>? Text(Dictionary<string, string>? text) => LanguagePicker.ShownIn(text, language);
        return new(Delegate.Id, Delegate.AccreditationCode, Delegate.Name, Delegate.NameLatin, Text(Delegate.Position), Text(Delegate.Organisation),
            Delegate.Country, Text(Delegation), Text(ForumTitle)!, QrCodes.Svg(Delegate.AccreditationCode));
    }
}
