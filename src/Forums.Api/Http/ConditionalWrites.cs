using Forums.Api.Domain;
using Forums.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Http;

/// <summary>Optimistic concurrency for changes: If-Match (RFC 9110 §13.1.1) checked before and during the write.</summary>
public static class ConditionalWrites
{
    public static IResult? CheckIfMatch(string? ifMatch, IVersioned entity) => CheckIfMatch(ifMatch, ETags.For(entity.Version));

    /// <summary>The same, against the entity tag a read answered (a merge patch is merged into what it read).</summary>
    public static IResult? CheckIfMatch(string? ifMatch, string etag) =>
        ETags.MatchFails(ifMatch, etag)
            ? Problems.Result(ProblemTypes.StaleVersion, $"If-Match does not match the current ETag {etag}; read the resource again.",
                (ProblemMembers.CurrentETag, etag))
            : null;

    /// <summary>The answer when another change won the race: 412 for a caller that sent If-Match, else 409.</summary>
    public static IResult Raced(string? ifMatch) => string.IsNullOrWhiteSpace(ifMatch)
        ? Problems.Result(ProblemTypes.ChangedConcurrently, "The resource was changed by another request at the same time; read it again and retry.")
        : Problems.Result(ProblemTypes.StaleVersion, "The resource changed after it was read; read it again.");

    /// <summary>
    /// Saves; the UPDATE carries the version that was read, so a change that raced in between is refused:
    /// 412 when the caller sent If-Match, else 409. A unique index that refuses the write answers <paramref name="uniqueConflict"/>'s problem.
    /// </summary>
    public static async Task<IResult?> SaveAsync(ForumsDbContext db, string? ifMatch, Func<IResult>? uniqueConflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Raced(ifMatch);
        }
        catch (DbUpdateException e) when (uniqueConflict is not null && DbErrors.IsUniqueViolation(e))
        {
            return uniqueConflict();
        }
    }
}
