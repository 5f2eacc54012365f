using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Forums.Api.Domain;

namespace Forums.Api.Features.Delegations;

/// <summary>A delegation; it holds no personal data, so the public and organisers see the same.</summary>
public sealed record DelegationResponse : Http.ITaggedResponse
{
    /// <summary>The delegation's id.</summary>
    public required Guid Id { get; init; }
    /// <summary>The forum the delegation belongs to.</summary>
    public required Guid ForumId { get; init; }
    /// <summary>The delegation's name by language (BCP 47 tag → text), e.g. {"en": "Delegation of the Republic of Korea"}.</summary>
    public required Dictionary<string, string> Name { get; init; }
    /// <summary>Whom the delegation represents.</summary>
    public required DelegationKind Kind { get; init; }
    /// <summary>ISO 3166-1 alpha-2 code of the country the delegation comes from, upper case, e.g. KR; null when not given.</summary>
    public required string? Country { get; init; }
    /// <summary>The region by language, for a regional delegation; null when not given.</summary>
    public required Dictionary<string, string>? Region { get; init; }
    /// <summary>Most delegates of this delegation holding places (confirmed or pending); null for no limit.</summary>
    public required int? Quota { get; init; }
    /// <summary>The delegate who heads the delegation, one of its own and not cancelled; null for none (a head who is cancelled stops being head; a head cannot move to another delegation, or to none, until another head or none is appointed: 409 head-cannot-leave).</summary>
    public required Guid? HeadDelegateId { get; init; }
    /// <summary>When the delegation was created (UTC).</summary>
    public required DateTime CreatedAt { get; init; }
    /// <summary>When the delegation's fields or head last changed (UTC).</summary>
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
