using FastEndpoints;
using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Sessions.ListSessions;

public sealed class ListSessionsRequest
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

    /// <summary>Sessions that start on this day in the forum's time zone.</summary>
    [QueryParam]
    public DateOnly? Day { get; init; }

    /// <summary>Sessions in this room, however its name is spelled (case, runs of spaces of any kind).</summary>
    [QueryParam]
    public string? Room { get; init; }

    /// <summary>Only sessions of this kind.</summary>
    [QueryParam]
    public SessionKind? Kind { get; init; }

    /// <summary>Only sessions this speaker is on.</summary>
    [QueryParam]
    public Guid? SpeakerId { get; init; }

    /// <summary>Sessions held in, or interpreted into, this language (BCP 47).</summary>
    [QueryParam]
    public string? Language { get; init; }

    internal sealed class Validator : Validator<ListSessionsRequest>
    {
        public Validator()
        {
            this.PageRules(r => r.Limit, r => r.Cursor, SortKeys.IsWellFormedForOrder);
            RuleFor(r => r.Language).LanguageTag().When(r => r.Language is not null);
            RuleFor(r => r.Room).Length(1, RoomName.MaxLength).Text().Must(room => NameKey.Of(room) is not null)
                .When(r => r.Room is not null).WithMessage("Give a room's name.");
        }
    }
}
