using FastEndpoints;

namespace Forums.Api.Features.Sessions.CreateSession;

/// <summary>The new session's fields; without an order it goes after the forum's last session.</summary>
public sealed class CreateSessionRequest : SessionFields
{
    /// <summary>The forum's id.</summary>
    [FastEndpoints.RouteParam]
    public Guid ForumId { get; init; }

    internal sealed class Validator : Validator<CreateSessionRequest>
    {
        public Validator() => Include(new SessionFieldsValidator());
    }
}
