using FastEndpoints;

namespace Forums.Api.Features.Sessions.UpdateSession;

/// <summary>The session's new fields, all of them: fields left out are cleared. Its speakers are kept.</summary>
public class UpdateSessionRequest : SessionFields
{
    /// <summary>The session's id.</summary>
    [RouteParam]
    public Guid SessionId { get; init; }

    /// <summary>The ETag you read; if the session changed since, the answer is 412 and nothing changes.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }

    /// <summary>The forum's id.</summary>
    [FastEndpoints.RouteParam]
    public Guid ForumId { get; init; }

    internal sealed class Validator : Validator<UpdateSessionRequest>
    {
        public Validator() => Include(new SessionFieldsValidator());
    }
}
