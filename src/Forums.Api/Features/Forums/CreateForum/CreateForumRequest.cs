using FastEndpoints;

namespace Forums.Api.Features.Forums.CreateForum;

public sealed class CreateForumRequest : ForumFields
{
    internal sealed class Validator : Validator<CreateForumRequest>
    {
        public Validator() => Include(new ForumFieldsValidator());
    }
}
