using Forums.Api.Domain;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;
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
    public static async Task<IResult?> EmailTakenAsync(LeanReader reads, Guid forumId, string? email, Guid exceptId, CancellationToken ct)
    {
        if (EmailAddress.Normalize(email) is not { } normalized)
            return null;
        var existing = await DelegateRows.IdByEmailAsync(reads, forumId, normalized, ct);
        return existing is { } id && id != exceptId ? DelegateProblems.EmailTaken(forumId, id) : null;
    }
}
