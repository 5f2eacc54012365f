namespace Forums.Api.Domain;

/// <summary>
/// Where a delegate's registration stands. Pending and confirmed registrations hold a place (they count against the
/// forum's capacity and the delegation's quota); waitlisted and cancelled ones do not.
/// </summary>
public enum RegistrationStatus
{
    /// <summary>Holds a place and waits for an organiser to confirm it: how a registration that gets a place starts in a forum that requires approval.</summary>
    Pending = 0,
    /// <summary>Holds a place and takes part: only a confirmed delegate has a badge and is let in at check-in.</summary>
    Confirmed = 1,
    /// <summary>No place was free (the forum at its capacity or the delegation at its quota): waits, and the longest-waiting whose delegation has room gets the next free place.</summary>
    Waitlisted = 2,
    /// <summary>Withdrawn: holds no place and is not let in; reinstating registers the delegate again.</summary>
    Cancelled = 3,
}

/// <summary>What a delegate needs to take part: free text an organiser acts on.</summary>
public sealed record DelegateNeeds(string? Diet, string? Access, string? Interpretation);

public sealed record DelegateDetails(
    string Name,
    string? NameLatin,
    IReadOnlyDictionary<string, string>? Position,
    IReadOnlyDictionary<string, string>? Organisation,
    string? Country,
    string? Email,
    string? Phone,
    IReadOnlyList<string> Languages,
    DelegateNeeds Needs,
    Guid? DelegationId);

/// <summary>
/// A delegate: a registered participant of a forum (named ForumDelegate because System.Delegate takes the plain name).
/// Personal data: never shown without an organiser's token.
/// </summary>
public sealed class ForumDelegate : IForumChild, ISearchable
{
    private ForumDelegate() { }

    public Guid Id { get; private set; }
    public Guid ForumId { get; private set; }
    public Guid? DelegationId { get; private set; }
    /// <summary>The name as written in its own script.</summary>
    public string Name { get; private set; } = "";
    public string? NameLatin { get; private set; }
    public Dictionary<string, string>? Position { get; private set; }
    public Dictionary<string, string>? Organisation { get; private set; }
    public string? Country { get; private set; }
    /// <summary>In its comparison form (<see cref="EmailAddress.Normalize"/>), so that one address registers once per forum however it is written.</summary>
    public string? Email { get; private set; }
    public string? Phone { get; private set; }
    public List<string> Languages { get; private set; } = [];
    public string? DietNeeds { get; private set; }
    public string? AccessNeeds { get; private set; }
    public string? InterpretationNeeds { get; private set; }
    public RegistrationStatus Status { get; private set; }
    public string AccreditationCode { get; private set; } = "";
    public DateTime RegisteredAt { get; private set; }
    /// <summary>When the delegate joined the waitlist: the longest-waiting is promoted first.</summary>
    public DateTime? WaitlistedAt { get; private set; }
    public DateTime StatusChangedAt { get; private set; }
    public DateTime? CheckedInAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public long Version { get; private set; }
    public string SearchText { get; private set; } = "";
    public string SortKey { get; private set; } = "";

    /// <summary>Holds a place: counts against the forum's capacity and the delegation's quota.</summary>
    public bool HoldsPlace => Status is RegistrationStatus.Confirmed or RegistrationStatus.Pending;

    /// <summary>A new registration; gotPlace says whether the place ledger granted a place (without one, the delegate waits).</summary>
    public static ForumDelegate Register(Guid id, Guid forumId, DelegateDetails details, string accreditationCode,
        bool gotPlace, bool requiresApproval, DateTime now)
    {
        var delegate_ = new ForumDelegate { Id = id, ForumId = forumId, AccreditationCode = accreditationCode, RegisteredAt = now };
        delegate_.Update(details, now);
        delegate_.Place(gotPlace, requiresApproval, now);
        return delegate_;
    }

    public void Update(DelegateDetails details, DateTime now)
    {
        Name = details.Name;
        NameLatin = details.NameLatin;
        Position = LanguageText.Copy(details.Position);
        Organisation = LanguageText.Copy(details.Organisation);
        Country = CountryCode.Canonical(details.Country);
        Email = details.Email is null ? null
            : EmailAddress.Normalize(details.Email) ?? throw new RuleViolationException("The e-mail is not a valid address.");
        Phone = details.Phone;
        Languages = [.. details.Languages];
        DietNeeds = details.Needs.Diet;
        AccessNeeds = details.Needs.Access;
        InterpretationNeeds = details.Needs.Interpretation;
        DelegationId = details.DelegationId;
        UpdatedAt = now;
        SearchText = SearchNormalizer.Join([Name, NameLatin ?? "", .. SearchNormalizer.Texts(Organisation), Email ?? ""]);
        SortKey = SortKeys.For(NameLatin ?? Name, Id);
    }

    /// <summary>Confirms a pending registration, or a waitlisted one that the ledger just gave a place.</summary>
    public void Confirm(DateTime now)
    {
        if (Status == RegistrationStatus.Cancelled)
            throw Cancelled("The registration is cancelled; reinstate it first.");
        if (Status is not (RegistrationStatus.Pending or RegistrationStatus.Waitlisted))
            throw NotAllowed($"Only a pending or waitlisted registration can be confirmed; this one is {Describe(Status)}.",
                RegistrationStatus.Pending, RegistrationStatus.Waitlisted);
        SetStatus(RegistrationStatus.Confirmed, now);
    }

    public void Cancel(DateTime now)
    {
        if (Status == RegistrationStatus.Cancelled)
            throw Cancelled("The registration is already cancelled.");
        SetStatus(RegistrationStatus.Cancelled, now);
        WaitlistedAt = null;
    }

    /// <summary>A cancelled registration registered again: it takes a place if one is free, else waits.</summary>
    public void Reinstate(bool gotPlace, bool requiresApproval, DateTime now)
    {
        if (Status != RegistrationStatus.Cancelled)
            throw NotAllowed($"Only a cancelled registration can be reinstated; this one is {Describe(Status)}.", RegistrationStatus.Cancelled);
        Place(gotPlace, requiresApproval, now);
    }

    /// <summary>A waitlisted delegate that the ledger gave a freed place.</summary>
    public void Promote(bool requiresApproval, DateTime now)
    {
        if (Status != RegistrationStatus.Waitlisted)
            throw NotAllowed("Only a waitlisted registration can be promoted.", RegistrationStatus.Waitlisted);
        Place(gotPlace: true, requiresApproval, now);
    }

    public static string Describe(RegistrationStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Only a confirmed delegate gets a badge and is let in.</summary>
    public void EnsureConfirmed(string forWhat)
    {
        if (Status == RegistrationStatus.Cancelled)
            throw Cancelled($"The registration is cancelled, not confirmed: no {forWhat}.");
        if (Status != RegistrationStatus.Confirmed)
            throw new RuleViolationException($"The registration is {Describe(Status)}, not confirmed: no {forWhat}.", BrokenRule.NotConfirmed)
            {
                CurrentStatus = Describe(Status), AllowedValues = [Describe(RegistrationStatus.Confirmed)],
            };
    }

    private static RuleViolationException Cancelled(string message) =>
        new(message, BrokenRule.DelegateCancelled) { CurrentStatus = Describe(RegistrationStatus.Cancelled) };

    private RuleViolationException NotAllowed(string message, params RegistrationStatus[] allowed) =>
        new(message, BrokenRule.StatusNotAllowed) { CurrentStatus = Describe(Status), AllowedValues = [.. allowed.Select(Describe)] };

    private void Place(bool gotPlace, bool requiresApproval, DateTime now)
    {
        var status = !gotPlace ? RegistrationStatus.Waitlisted
            : requiresApproval ? RegistrationStatus.Pending
            : RegistrationStatus.Confirmed;
        SetStatus(status, now);
        WaitlistedAt = gotPlace ? null : now;
    }

    private void SetStatus(RegistrationStatus status, DateTime now)
    {
        Status = status;
        StatusChangedAt = now;
        UpdatedAt = now;
    }
}
