using Forums.Api.Domain;

namespace Forums.Api.Tests.Domain;

/// <summary>A delegate's registration: what it stores and normalises, and its statuses (pending, confirmed, waitlisted, cancelled).</summary>
public sealed class ForumDelegateTests
{
    private static readonly Guid Id = Guid.Parse("22222222-2222-2222-2222-222222222222");
    private static readonly Guid ForumId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid DelegationId = Guid.Parse("33333333-3333-3333-3333-333333333333");
    private static readonly DateTime Registered = new(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2026, 4, 2, 12, 15, 0, DateTimeKind.Utc);
    private static readonly DateTime Latest = new(2026, 4, 3, 16, 45, 0, DateTimeKind.Utc);

    private static DelegateDetails Details(string? nameLatin = "Aigerim Nurlanova", string? email = " Aigerim@Example.KZ ") =>
        new("Айгерим Нурланова", nameLatin,
            new Dictionary<string, string> { ["en"] = "Adviser" },
            new Dictionary<string, string> { ["en"] = "Ministry of ENERGY" },
            "kz", email, "+7 701 000 0000", ["kk", "ru"],
            new DelegateNeeds("Vegetarian", "Step-free", "English"), DelegationId);

    private static ForumDelegate Register(bool gotPlace = true, bool requiresApproval = false, DelegateDetails? details = null) =>
        ForumDelegate.Register(Id, ForumId, details ?? Details(), "ACC-0001", gotPlace, requiresApproval, Registered);

    [Fact]
    public void A_registration_keeps_its_details_with_the_country_in_upper_case_and_the_email_in_comparison_form()
    {
        var delegate_ = Register();

        Assert.Equal(Id, delegate_.Id);
        Assert.Equal(ForumId, delegate_.ForumId);
        Assert.Equal(DelegationId, delegate_.DelegationId);
        Assert.Equal("ACC-0001", delegate_.AccreditationCode);
        Assert.Equal("Айгерим Нурланова", delegate_.Name);
        Assert.Equal("Aigerim Nurlanova", delegate_.NameLatin);
        Assert.Equal("Adviser", delegate_.Position!["en"]);
        Assert.Equal("Ministry of ENERGY", delegate_.Organisation!["en"]);
        Assert.Equal("KZ", delegate_.Country);
        Assert.Equal("aigerim@example.kz", delegate_.Email);
        Assert.Equal("+7 701 000 0000", delegate_.Phone);
        Assert.Equal(["kk", "ru"], delegate_.Languages);
        Assert.Equal("Vegetarian", delegate_.DietNeeds);
        Assert.Equal("Step-free", delegate_.AccessNeeds);
        Assert.Equal("English", delegate_.InterpretationNeeds);
        Assert.Equal(Registered, delegate_.RegisteredAt);
        Assert.Equal(Registered, delegate_.UpdatedAt);
        Assert.Equal(Registered, delegate_.StatusChangedAt);
        Assert.Null(delegate_.CheckedInAt);
    }

    [Fact]
    public void Search_text_and_sort_key_come_from_the_names_organisation_and_email()
    {
        var delegate_ = Register();
        Assert.Equal("айгерим нурланова\naigerim nurlanova\nministry of energy\naigerim@example.kz", delegate_.SearchText);
        Assert.Equal(SortKeys.For("Aigerim Nurlanova", Id), delegate_.SortKey);

        delegate_.Update(Details(nameLatin: null, email: null) with { Organisation = null }, Later);
        Assert.Equal("айгерим нурланова", delegate_.SearchText);
        Assert.Equal(SortKeys.For("Айгерим Нурланова", Id), delegate_.SortKey);
        Assert.Null(delegate_.Email);
        Assert.Null(delegate_.NameLatin);
        Assert.Equal(Later, delegate_.UpdatedAt);
        Assert.Equal(Registered, delegate_.StatusChangedAt);
    }

    [Fact]
    public void An_email_that_is_no_address_is_refused()
    {
        var refused = Assert.Throws<RuleViolationException>(() => Register(details: Details(email: "not an address")));
        Assert.Equal("The e-mail is not a valid address.", refused.Message);
        Assert.Equal(BrokenRule.Invariant, refused.Rule);
    }

    [Theory]
    [InlineData(true, false, RegistrationStatus.Confirmed, true)]
    [InlineData(true, true, RegistrationStatus.Pending, true)]
    [InlineData(false, false, RegistrationStatus.Waitlisted, false)]
    [InlineData(false, true, RegistrationStatus.Waitlisted, false)]
    public void A_registration_with_a_place_is_confirmed_or_pending_and_without_one_waits(
        bool gotPlace, bool requiresApproval, RegistrationStatus status, bool holdsPlace)
    {
        var delegate_ = Register(gotPlace, requiresApproval);
        Assert.Equal(status, delegate_.Status);
        Assert.Equal(holdsPlace, delegate_.HoldsPlace);
        Assert.Equal(gotPlace ? null : Registered, delegate_.WaitlistedAt);
    }

    [Fact]
    public void A_pending_or_waitlisted_registration_is_confirmed()
    {
        var pending = Register(requiresApproval: true);
        pending.Confirm(Later);
        Assert.Equal(RegistrationStatus.Confirmed, pending.Status);
        Assert.Equal(Later, pending.StatusChangedAt);
        Assert.Equal(Later, pending.UpdatedAt);

        var waiting = Register(gotPlace: false);
        waiting.Confirm(Later);
        Assert.Equal(RegistrationStatus.Confirmed, waiting.Status);
    }

    [Fact]
    public void A_confirmed_registration_is_not_confirmed_again_nor_a_cancelled_one()
    {
        var confirmed = Register();
        var again = Assert.Throws<RuleViolationException>(() => confirmed.Confirm(Later));
        Assert.Equal("Only a pending or waitlisted registration can be confirmed; this one is confirmed.", again.Message);
        Assert.Equal(BrokenRule.StatusNotAllowed, again.Rule);
        Assert.Equal("confirmed", again.CurrentStatus);
        Assert.Equal(["pending", "waitlisted"], again.AllowedValues!);
        Assert.Equal(Registered, confirmed.StatusChangedAt);

        var cancelled = Register();
        cancelled.Cancel(Later);
        var refused = Assert.Throws<RuleViolationException>(() => cancelled.Confirm(Latest));
        Assert.Equal("The registration is cancelled; reinstate it first.", refused.Message);
        Assert.Equal(BrokenRule.DelegateCancelled, refused.Rule);
        Assert.Equal("cancelled", refused.CurrentStatus);
        Assert.Equal(RegistrationStatus.Cancelled, cancelled.Status);
    }

    [Fact]
    public void Cancelling_frees_the_place_and_leaves_the_waitlist_once()
    {
        var waiting = Register(gotPlace: false);
        waiting.Cancel(Later);
        Assert.Equal(RegistrationStatus.Cancelled, waiting.Status);
        Assert.False(waiting.HoldsPlace);
        Assert.Null(waiting.WaitlistedAt);
        Assert.Equal(Later, waiting.StatusChangedAt);
        Assert.Equal(Later, waiting.UpdatedAt);

        var again = Assert.Throws<RuleViolationException>(() => waiting.Cancel(Latest));
        Assert.Equal("The registration is already cancelled.", again.Message);
        Assert.Equal(BrokenRule.DelegateCancelled, again.Rule);
        Assert.Equal("cancelled", again.CurrentStatus);
        Assert.Equal(Later, waiting.StatusChangedAt);
    }

    [Fact]
    public void Only_a_cancelled_registration_is_reinstated_and_takes_a_place_or_waits()
    {
        var confirmed = Register();
        var refused = Assert.Throws<RuleViolationException>(() => confirmed.Reinstate(true, false, Later));
        Assert.Equal("Only a cancelled registration can be reinstated; this one is confirmed.", refused.Message);
        Assert.Equal(BrokenRule.StatusNotAllowed, refused.Rule);
        Assert.Equal("confirmed", refused.CurrentStatus);
        Assert.Equal(["cancelled"], refused.AllowedValues!);
        Assert.Equal(Registered, confirmed.StatusChangedAt);

        var delegate_ = Register();
        delegate_.Cancel(Later);
        delegate_.Reinstate(gotPlace: false, requiresApproval: false, Latest);
        Assert.Equal(RegistrationStatus.Waitlisted, delegate_.Status);
        Assert.Equal(Latest, delegate_.WaitlistedAt);
        Assert.Equal(Latest, delegate_.StatusChangedAt);

        var other = Register();
        other.Cancel(Later);
        other.Reinstate(gotPlace: true, requiresApproval: true, Latest);
        Assert.Equal(RegistrationStatus.Pending, other.Status);
        Assert.Null(other.WaitlistedAt);
    }

    [Fact]
    public void Only_a_waitlisted_registration_is_promoted()
    {
        var waiting = Register(gotPlace: false);
        waiting.Promote(requiresApproval: false, Later);
        Assert.Equal(RegistrationStatus.Confirmed, waiting.Status);
        Assert.Null(waiting.WaitlistedAt);
        Assert.Equal(Later, waiting.StatusChangedAt);

        var waitingForApproval = Register(gotPlace: false);
        waitingForApproval.Promote(requiresApproval: true, Later);
        Assert.Equal(RegistrationStatus.Pending, waitingForApproval.Status);

        var pending = Register(requiresApproval: true);
        var refused = Assert.Throws<RuleViolationException>(() => pending.Promote(false, Later));
        Assert.Equal("Only a waitlisted registration can be promoted.", refused.Message);
        Assert.Equal(BrokenRule.StatusNotAllowed, refused.Rule);
        Assert.Equal("pending", refused.CurrentStatus);
        Assert.Equal(["waitlisted"], refused.AllowedValues!);
        Assert.Equal(RegistrationStatus.Pending, pending.Status);
    }

    [Fact]
    public void Only_a_confirmed_delegate_gets_a_badge()
    {
        Register().EnsureConfirmed("badge");

        var pending = Register(requiresApproval: true);
        var notConfirmed = Assert.Throws<RuleViolationException>(() => pending.EnsureConfirmed("badge"));
        Assert.Equal("The registration is pending, not confirmed: no badge.", notConfirmed.Message);
        Assert.Equal(BrokenRule.NotConfirmed, notConfirmed.Rule);
        Assert.Equal("pending", notConfirmed.CurrentStatus);
        Assert.Equal(["confirmed"], notConfirmed.AllowedValues!);

        var cancelled = Register();
        cancelled.Cancel(Later);
        var refused = Assert.Throws<RuleViolationException>(() => cancelled.EnsureConfirmed("check-in"));
        Assert.Equal("The registration is cancelled, not confirmed: no check-in.", refused.Message);
        Assert.Equal(BrokenRule.DelegateCancelled, refused.Rule);
        Assert.Equal("cancelled", refused.CurrentStatus);
    }

    [Fact]
    public void Statuses_are_described_in_lower_case() =>
        Assert.Equal(["pending", "confirmed", "waitlisted", "cancelled"], Enum.GetValues<RegistrationStatus>().Select(ForumDelegate.Describe));
}
