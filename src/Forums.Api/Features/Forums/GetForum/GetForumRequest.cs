namespace Forums.Api.Features.Forums.GetForum;

public sealed class GetForumRequest
{
    public Guid ForumId { get; init; }
}
