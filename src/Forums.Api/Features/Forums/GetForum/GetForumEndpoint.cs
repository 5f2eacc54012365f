using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence.LeanReads;

namespace Forums.Api.Features.Forums.GetForum;

internal sealed class GetForumEndpoint(LeanReader reads) : Endpoint<GetForumRequest, ForumResponse>
{
    public override void Configure()
    {
        Get("{forumId}");
        Group<ForumsGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("getForum")
            .WithSummary("Get a forum by id")
            .Produces<ForumResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(GetForumRequest req, CancellationToken ct)
    {
        var forum = await ForumRows.ByIdAsync(reads, req.ForumId, ct) is { } row ? ForumResponse.FromRow(row) : null;
        await Send.ResultAsync(ForumReads.Answer(HttpContext, forum, () => ForumProblems.NotFound(req.ForumId)));
    }
}
