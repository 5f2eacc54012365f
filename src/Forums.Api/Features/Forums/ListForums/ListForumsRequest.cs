using FastEndpoints;
using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Forums.ListForums;

public sealed class ListForumsRequest
{
    /// <summary>Items per page, 1 to 100 (default 20).</summary>
    [QueryParam]
    public int? Limit { get; init; }

    /// <summary>The nextCursor of the previous page.</summary>
    [QueryParam]
    public string? Cursor { get; init; }

    /// <summary>Only forums with this status (anonymous callers see published forums, and archived ones that were published).</summary>
    [QueryParam]
    public ForumStatus? Status { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    [QueryParam]
    public string? Country { get; init; }

    /// <summary>Text to find in the slug, title, theme, series, city or venue, in any language; case is ignored.</summary>
    [QueryParam]
    public string? Q { get; init; }

    internal sealed class Validator : Validator<ListForumsRequest>
    {
        public Validator()
        {
            this.PageRules(r => r.Limit, r => r.Cursor, Slug.IsValid);
            RuleFor(r => r.Country).CountryCode().When(r => r.Country is not null);
            RuleFor(r => r.Q).Length(1, 200).Text().When(r => r.Q is not null);
        }
    }
}
