using Forums.Api.Domain;
using Forums.Api.Persistence.LeanReads;

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

    /// <summary>The same filters but the text search, for the lean read path.</summary>
    public static DelegateFilter Lean(Guid forumId, RegistrationStatus? status, Guid? delegationId, string? country) =>
        new(forumId, status, delegationId, CountryCode.Canonical(country));
}
