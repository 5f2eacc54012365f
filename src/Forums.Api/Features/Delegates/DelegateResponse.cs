using System.Linq.Expressions;
using System.Text.Json.Serialization;
using Forums.Api.Domain;
using Forums.Api.Persistence.LeanReads;
using static Forums.Api.Persistence.LeanReads.JsonField;

namespace Forums.Api.Features.Delegates;

/// <summary>What a delegate needs to take part.</summary>
public sealed record DelegateNeedsResponse(string? Diet, string? Access, string? Interpretation);

/// <summary>A delegate as organisers see it, personal data included. Never shown to anonymous callers.</summary>
public sealed record DelegateResponse
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

    public static readonly Expression<Func<ForumDelegate, DelegateResponse>> Projection = d => new DelegateResponse
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

    /// <summary>The same JSON, written straight from the row by the lean read path (GET of one delegate).</summary>
    public static readonly RowShape Row = new("Delegates", ["Id", "ForumId"], "Version", null,
        Of("id", "Id", ColumnKind.Guid),
        Of("forumId", "ForumId", ColumnKind.Guid),
        Of("delegationId", "DelegationId", ColumnKind.Guid),
        Of("name", "Name", ColumnKind.Text),
        Of("nameLatin", "NameLatin", ColumnKind.Text),
        Of("position", "Position", ColumnKind.Json),
        Of("organisation", "Organisation", ColumnKind.Json),
        Of("country", "Country", ColumnKind.Text),
        Of("email", "Email", ColumnKind.Text),
        Of("phone", "Phone", ColumnKind.Text),
        Of("languages", "Languages", ColumnKind.Json),
        Object("needs",
            Of("diet", "DietNeeds", ColumnKind.Text),
            Of("access", "AccessNeeds", ColumnKind.Text),
            Of("interpretation", "InterpretationNeeds", ColumnKind.Text)),
        Enum<RegistrationStatus>("status", "Status"),
        Of("accreditationCode", "AccreditationCode", ColumnKind.Text),
        Of("registeredAt", "RegisteredAt", ColumnKind.UtcTime),
        Of("statusChangedAt", "StatusChangedAt", ColumnKind.UtcTime),
        Of("waitlistedAt", "WaitlistedAt", ColumnKind.UtcTime),
        Of("checkedInAt", "CheckedInAt", ColumnKind.UtcTime),
        Of("updatedAt", "UpdatedAt", ColumnKind.UtcTime));

    private static readonly Func<ForumDelegate, DelegateResponse> FromEntityCompiled = Projection.Compile();

    public static DelegateResponse FromEntity(ForumDelegate delegate_) => FromEntityCompiled(delegate_);
}
