using FastEndpoints;

namespace Forums.Api.Features.Sessions.CreateSession;

public sealed class CreateSessionRequest : SessionFields
{
    internal sealed class Validator : Validator<CreateSessionRequest>
    {
        public Validator() => Include(new SessionFieldsValidator());
    }
}
