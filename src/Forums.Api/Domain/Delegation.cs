namespace Forums.Api.Domain;

public enum DelegationKind
{
    Country = 0,
    Region = 1,
    Organisation = 2,
}

public sealed record DelegationDetails(
    IReadOnlyDictionary<string, string> Name,
    DelegationKind Kind,
    string? Country,
    IReadOnlyDictionary<string, string>? Region,
    int? Quota);

/// <summary>A delegation of a forum: a country's, a region's or an organisation's people, with an optional quota.</summary>
public sealed class Delegation : IForumChild, ISearchable
{
    private Delegation() { }

    public Guid Id { get; private set; }
    public Guid ForumId { get; private set; }
    public Dictionary<string, string> Name { get; private set; } = [];
    public DelegationKind Kind { get; private set; }
    public string? Country { get; private set; }
    public Dictionary<string, string>? Region { get; private set; }
    public int? Quota { get; private set; }
    /// <summary>Confirmed and pending delegates of the delegation: changed only by the place ledger.</summary>
    public int PlacesTaken { get; private set; }
    public Guid? HeadDelegateId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public long Version { get; private set; }
    public string SearchText { get; private set; } = "";
    public string SortKey { get; private set; } = "";

    public static Delegation Create(Guid id, Guid forumId, DelegationDetails details, DateTime now)
    {
        var delegation = new Delegation { Id = id, ForumId = forumId, CreatedAt = now };
        delegation.Update(details, now);
        return delegation;
    }

    public void Update(DelegationDetails details, DateTime now)
    {
        if (details.Quota is { } quota && quota < PlacesTaken)
            throw new RuleViolationException($"{PlacesTaken} delegates of this delegation already hold places; the quota cannot be lower.");
        Name = LanguageText.Copy(details.Name)!;
        Kind = details.Kind;
        Country = CountryCode.Canonical(details.Country);
        Region = LanguageText.Copy(details.Region);
        Quota = details.Quota;
        UpdatedAt = now;
        SearchText = SearchNormalizer.Join([.. Name.Values, .. SearchNormalizer.Texts(Region)]);
        SortKey = SortKeys.For(Name.Values.First(), Id);
    }

    /// <summary>The head of delegation is one of its own delegates (the caller checks membership).</summary>
    public void AppointHead(Guid? delegateId, DateTime now)
    {
        HeadDelegateId = delegateId;
        UpdatedAt = now;
    }
}
