using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Features.Delegates;

internal static class DelegateRegistrations
{
    /// <summary>Null when the delegation belongs to the forum (or none is named); else the 400 naming delegationId.</summary>
    public static async Task<IResult?> CheckDelegationAsync(ForumsDbContext db, Guid forumId, Guid? delegationId, CancellationToken ct) =>
        delegationId is { } id && !await db.Delegations.AnyAsync(d => d.Id == id && d.ForumId == forumId, ct)
            ? DelegateProblems.UnknownDelegation(id)
            : null;

    /// <summary>The 409 for an e-mail already registered in the forum, pointing at that delegate; null if it is not that.</summary>
    public static async Task<IResult?> EmailTakenAsync(ForumsDbContext db, Guid forumId, string? email, Guid exceptId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email))
            return null;
        var normalized = email.Trim().ToLowerInvariant();
        var existing = await db.Delegates.AsNoTracking()
            .Where(d => d.ForumId == forumId && d.Email == normalized && d.Id != exceptId)
            .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        return existing is { } id ? DelegateProblems.EmailTaken(forumId, id) : null;
    }
}
