using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Forums.Api.Domain;

namespace Forums.Api.Features.Delegations;

/// <summary>A delegation; it holds no personal data, so the public and organisers see the same.</summary>
public sealed record DelegationResponse : Http.ITaggedResponse
{
    public required Guid Id { get; init; }
    public required Guid ForumId { get; init; }
    public required Dictionary<string, string> Name { get; init; }
    public required DelegationKind Kind { get; init; }
    public required string? Country { get; init; }
    public required Dictionary<string, string>? Region { get; init; }
    /// <summary>Most delegates of this delegation holding places (confirmed or pending); unset for no limit.</summary>
    public required int? Quota { get; init; }
    /// <summary>The delegate who heads the delegation.</summary>
    public required Guid? HeadDelegateId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime UpdatedAt { get; init; }

    [JsonIgnore]
    public long Version { get; init; }

    [JsonIgnore]
    public string SortKey { get; init; } = "";

    [JsonIgnore]
    public string ETag => Http.ETags.For(Version);

    public static readonly Expression<Func<Delegation, DelegationResponse>> Projection = d => new DelegationResponse
    {
        Id = d.Id,
        ForumId = d.ForumId,
        Name = d.Name,
        Kind = d.Kind,
        Country = d.Country,
        Region = d.Region,
        Quota = d.Quota,
        HeadDelegateId = d.HeadDelegateId,
        CreatedAt = d.CreatedAt,
        UpdatedAt = d.UpdatedAt,
        Version = d.Version,
        SortKey = d.SortKey,
    };

    private static readonly Func<Delegation, DelegationResponse> FromEntityCompiled = Projection.Compile();

    public static DelegationResponse FromEntity(Delegation delegation) => FromEntityCompiled(delegation);
}
