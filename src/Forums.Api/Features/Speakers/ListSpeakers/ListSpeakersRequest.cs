using FastEndpoints;
using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Speakers.ListSpeakers;

public sealed class ListSpeakersRequest
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

    /// <summary>Text to find in the name (either script) or organisation; case is ignored in every script.</summary>
    [QueryParam]
    public string? Q { get; init; }

    internal sealed class Validator : Validator<ListSpeakersRequest>
    {
        public Validator()
        {
            this.PageRules(r => r.Limit, r => r.Cursor, SortKeys.IsWellFormed);
            RuleFor(r => r.Q).Length(1, 200).Text().When(r => r.Q is not null);
        }
    }
}
