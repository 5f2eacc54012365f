using System.Data.Common;
using Forums.Api.Domain;

namespace Forums.Api.Persistence.LeanReads;

/// <summary>What authenticating a request needs of its token.</summary>
internal sealed record TokenRow(Guid Id, TokenRole Role, List<Guid> ForumIds, DateTime? ExpiresAt, DateTime? RevokedAt);

internal static class TokenRows
{
    internal static readonly LeanStatement ByHash = LeanStatement.Where("ApiTokens", ["Id", "Role", "ForumIds", "ExpiresAt", "RevokedAt"], "SecretHash");

    public static ValueTask<TokenRow?> ByHashAsync(LeanReader reads, string secretHash, CancellationToken ct) =>
        reads.ReadAsync(ByHash, [secretHash], Read, ct);

    internal static TokenRow Read(DbDataReader r) => new(r.Id(0), r.Name<TokenRole>(1), r.Ids(2), r.NullableTime(3), r.NullableTime(4));
}
