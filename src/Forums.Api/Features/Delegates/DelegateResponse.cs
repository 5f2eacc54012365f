using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Forums.Api.Domain;
using Forums.Api.Persistence.LeanReads;

namespace Forums.Api.Features.Delegates;

/// <summary>What a delegate needs to take part.</summary>
public sealed record DelegateNeedsResponse(string? Diet, string? Access, string? Interpretation);

/// <summary>A delegate as organisers see it, personal data included. Never shown to anonymous callers.</summary>
public sealed record DelegateResponse : Http.ITaggedResponse
{
    public required Guid Id { get; init; }
    public required Guid ForumId { get; init; }
    public required Guid? DelegationId { get; init; }
    /// <summary>The name as written in its own script.</summary>
    public required string Name { get; init; }
    /// <summary>The name in Latin letters.</summary>
    public required string? NameLatin { get; init; }
    public required Dictionary<string, string>? Position { get; init; }
    public required Dictionary<string, string>? Organisation { get; init; }
    public required string? Country { get; init; }
    public required string? Email { get; init; }
    public required string? Phone { get; init; }
    public required List<string> Languages { get; init; }
    public required DelegateNeedsResponse Needs { get; init; }
    public required RegistrationStatus Status { get; init; }
    /// <summary>The code on the delegate's badge, scanned at the door.</summary>
    public required string AccreditationCode { get; init; }
    public required DateTime RegisteredAt { get; init; }
    public required DateTime StatusChangedAt { get; init; }
    /// <summary>When the delegate joined the waitlist (the longest-waiting is promoted first); null unless waitlisted.</summary>
    public required DateTime? WaitlistedAt { get; init; }
    public required DateTime? CheckedInAt { get; init; }
    public required DateTime UpdatedAt { get; init; }

    [JsonIgnore]
    public long Version { get; init; }

    [JsonIgnore]
    public string SortKey { get; init; } = "";

    [JsonIgnore]
    public string ETag => Http.ETags.For(Version);

    /// <summary>For EF queries: the delegate's row, mapped as the lean path maps it (the mapping runs on the client).</summary>
    public static readonly Expression<Func<ForumDelegate, DelegateResponse>> Projection = d => FromRow(new DelegateRow(
        d.Id, d.ForumId, d.DelegationId, d.Name, d.NameLatin, d.Position, d.Organisation, d.Country, d.Email, d.Phone, d.Languages,
        d.DietNeeds, d.AccessNeeds, d.InterpretationNeeds, d.Status, d.AccreditationCode, d.RegisteredAt, d.StatusChangedAt,
        d.WaitlistedAt, d.CheckedInAt, d.UpdatedAt, d.Version, d.SortKey));

    private static readonly Func<ForumDelegate, DelegateResponse> FromEntityCompiled = Projection.Compile();

    public static DelegateResponse FromEntity(ForumDelegate delegate_) => FromEntityCompiled(delegate_);

    /// <summary>The one mapping of a delegate to its response, from its row (read by EF or by the lean path).</summary>
    internal static DelegateResponse FromRow(DelegateRow d) => new()
    {
        Id = d.Id,
        ForumId = d.ForumId,
        DelegationId = d.DelegationId,
        Name = d.Name,
        NameLatin = d.NameLatin,
        Position = d.Position,
        Organisation = d.Organisation,
        Country = d.Country,
        Email = d.Email,
        Phone = d.Phone,
        Languages = d.Languages,
        Needs = new DelegateNeedsResponse(d.DietNeeds, d.AccessNeeds, d.InterpretationNeeds),
        Status = d.Status,
        AccreditationCode = d.AccreditationCode,
        RegisteredAt = d.RegisteredAt,
        StatusChangedAt = d.StatusChangedAt,
        WaitlistedAt = d.WaitlistedAt,
        CheckedInAt = d.CheckedInAt,
        UpdatedAt = d.UpdatedAt,
        Version = d.Version,
        SortKey = d.SortKey,
    };
}
