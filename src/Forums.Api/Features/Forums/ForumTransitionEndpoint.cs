using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Forums;

/// <summary>A change of a forum's status; the forum decides which transitions it allows (409 otherwise).</summary>
internal abstract class ForumTransitionEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<ForumChangeRequest, ForumResponse>
{
    protected abstract string Action { get; }
    protected abstract string OperationId { get; }
    protected abstract string OperationSummary { get; }
    protected abstract void Apply(Forum forum, DateTime now);

    /// <summary>The 409s of this transition besides a race: the forum's status does not allow it.</summary>
    protected abstract ProblemType[] Refusals { get; }

    public override void Configure()
    {
        Post($"{{forumId}}/{Action}");
        Group<ForumsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName(OperationId)
            .WithSummary(OperationSummary)
            .Produces<ForumResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412)
            .ProducesProblems([ProblemTypes.ChangedConcurrently, .. Refusals]), clearDefaults: true);
    }

    public override async Task HandleAsync(ForumChangeRequest req, CancellationToken ct)
    {
        var loaded = await Changes.LoadForumAsync(db, User, req.ForumId, req.IfMatch, ct);
        if (loaded.Problem is { } refused)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var forum = loaded.Value!;
        Apply(forum, time.GetUtcNow().UtcDateTime);
        if (await ConditionalWrites.SaveAsync(db, req.IfMatch, null, ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }

        var response = ForumResponse.FromEntity(forum);
        HttpContext.Response.Headers.ETag = response.ETag;
        await Send.OkAsync(response, ct);
    }
}
