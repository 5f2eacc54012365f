using Forums.Api.Domain;

namespace Forums.Api.Features.Delegates;

/// <summary>The filters the delegate list and the CSV export share.</summary>
internal static class DelegateFilters
{
    public static IQueryable<ForumDelegate> Apply(IQueryable<ForumDelegate> delegates, RegistrationStatus? status, Guid? delegationId,
        string? country, string? q)
    {
        if (status is { } wanted)
            delegates = delegates.Where(d => d.Status == wanted);
        if (delegationId is { } delegation)
            delegates = delegates.Where(d => d.DelegationId == delegation);
        if (CountryCode.Canonical(country) is { } code)
            delegates = delegates.Where(d => d.Country == code);
        return delegates.Matching(q);
    }

    /// <summary>The same filters but the text search, as column equalities for the lean read path.</summary>
    public static List<(string Column, object Value)> Equalities(Guid forumId, RegistrationStatus? status, Guid? delegationId, string? country)
    {
        var equal = new List<(string, object)> { ("ForumId", forumId) };
        if (status is { } wanted)
            equal.Add(("Status", wanted.ToString()));
        if (delegationId is { } delegation)
            equal.Add(("DelegationId", delegation));
        if (country is not null)
            equal.Add(("Country", CountryCode.Canonical(country)!));
        return equal;
    }
}
