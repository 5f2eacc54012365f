namespace Forums.Api.Domain;

/// <summary>Whom a delegation represents; no rule ties the kind to the delegation's country or region.</summary>
public enum DelegationKind
{
    /// <summary>A country, e.g. the delegation of the Republic of Korea; its country code says which.</summary>
    Country = 0,
    /// <summary>A region within a country, e.g. a region of Kazakhstan; its region names it.</summary>
    Region = 1,
    /// <summary>An organisation; also the kind of a delegation that a CSV import creates from a name it does not know.</summary>
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
            throw new RuleViolationException($"{PlacesTaken} delegates of this delegation already hold places; the quota cannot be lower.",
                BrokenRule.PlacesHeld) { PlacesTaken = PlacesTaken };
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
