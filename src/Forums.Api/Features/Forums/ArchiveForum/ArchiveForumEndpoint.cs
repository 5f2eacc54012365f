using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Forums.ArchiveForum;

internal sealed class ArchiveForumEndpoint(ForumsDbContext db, TimeProvider time) : ForumTransitionEndpoint(db, time)
{
    protected override string Action => "archive";
    protected override string OperationId => "archiveForum";
    protected override string OperationSummary => "Archive a forum that is over (or a draft that will not happen)";

    protected override ProblemType[] Refusals => [ProblemTypes.ForumArchived];

    protected override void Apply(Forum forum, DateTime now) => forum.Archive(now);
}
