using FastEndpoints;

namespace Forums.Api.Features.Sessions.CreateSession;

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
