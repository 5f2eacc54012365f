using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Forums.PublishForum;

internal sealed class PublishForumEndpoint(ForumsDbContext db, TimeProvider time) : ForumTransitionEndpoint(db, time)
{
    protected override string Action => "publish";
    protected override string OperationId => "publishForum";
    protected override string OperationSummary => "Publish a draft forum, making it public";

    protected override ProblemType[] Refusals => [ProblemTypes.StatusNotAllowed, ProblemTypes.ForumArchived];

    protected override void Apply(Forum forum, DateTime now) => forum.Publish(now);
}
