using FastEndpoints;

namespace Forums.Api.Features.Forums.CreateForum;

/// <summary>The new forum's fields; it is created as a draft.</summary>
public sealed class CreateForumRequest : ForumFields
{
    internal sealed class Validator : Validator<CreateForumRequest>
    {
        public Validator() => Include(new ForumFieldsValidator());
    }
}
