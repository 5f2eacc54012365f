using FastEndpoints;
using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Delegates.ListDelegates;

public sealed class ListDelegatesRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>Items per page, 1 to 100 (default 20).</summary>
    [QueryParam]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [QueryParam]
    public string? Cursor { get; init; }

    /// <summary>Only delegates whose registration has this status.</summary>
    [QueryParam]
    public RegistrationStatus? Status { get; init; }

    /// <summary>Only the delegates of this delegation.</summary>
    [QueryParam]
    public Guid? DelegationId { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    [QueryParam]
    public string? Country { get; init; }

    /// <summary>Text to find in the name (either script), organisation or e-mail; case is ignored in every script.</summary>
    [QueryParam]
    public string? Q { get; init; }

    internal sealed class Validator : Validator<ListDelegatesRequest>
    {
        public Validator()
        {
            this.PageRules(r => r.Limit, r => r.Cursor, SortKeys.IsWellFormed);
            RuleFor(r => r.Country).CountryCode().When(r => r.Country is not null);
            RuleFor(r => r.Q).Length(1, 200).Text().When(r => r.Q is not null);
        }
    }
}
