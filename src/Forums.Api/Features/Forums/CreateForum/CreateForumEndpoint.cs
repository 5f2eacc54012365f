using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Http.Idempotency;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Forums.CreateForum;

internal sealed class CreateForumEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<CreateForumRequest, ForumResponse>
{
    public override void Configure()
    {
        Post("");
        Group<ForumsGroup>();
        Definition.Access(AccessLevel.Admin);
        Description(d => d
            .WithName("createForum")
            .WithSummary("Create a forum, as a draft")
            .WithDescription("The forum starts as a draft, visible to its organisers only, until it is published.")
            .AcceptsIdempotencyKey(AcceptsIdempotencyKey.KeepingTheAnswer)
            .Accepts<CreateForumRequest>("application/json")
            .Produces<ForumResponse>(StatusCodes.Status201Created)
            .ProducesProblems(400, 415)
            .ProducesProblems(ProblemTypes.SlugTaken), clearDefaults: true);
    }

    public override async Task HandleAsync(CreateForumRequest req, CancellationToken ct)
    {
        var forum = Forum.Create(Guid.CreateVersion7(), req.ToDetails(), time.GetUtcNow().UtcDateTime);
        db.Forums.Add(forum);
        if (await ConditionalWrites.SaveAsync(db, null, () => ForumProblems.SlugTaken(req.Slug), ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }

        var response = ForumResponse.FromEntity(forum);
        HttpContext.Response.Headers.ETag = response.ETag;
        HttpContext.Response.Headers.Location = ForumProblems.Location(forum.Id);
        await Send.ResponseAsync(response, StatusCodes.Status201Created, ct);
    }
}
