using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Forums.UpdateForum;

internal sealed class UpdateForumEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time) : Endpoint<UpdateForumRequest, ForumResponse>
{
    public override void Configure()
    {
        Put("{forumId}");
        Group<ForumsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("updateForum")
            .WithSummary("Replace a forum's fields")
            .WithDescription("Send every field, as on create; send If-Match with the ETag you read so that nobody's change is lost. " +
                             "Raising the capacity gives the new places to the longest-waiting delegates; it cannot go below the places held (409).")
            .Accepts<UpdateForumRequest>("application/json")
            .Produces<ForumResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 409, 412, 415), clearDefaults: true);
    }

    public override async Task HandleAsync(UpdateForumRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumChanges.LoadAsync(db, User, req.ForumId, req.IfMatch, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var oldCapacity = forum!.Capacity;
        forum.Update(req.ToDetails(), now);
        if (await ConditionalWrites.SaveAsync(db, req.IfMatch, () => ForumProblems.SlugTaken(req.Slug), ct) is { } problem)
        {
            await Send.ResultAsync(problem);
            return;
        }
        if (forum.Capacity is null || forum.Capacity > oldCapacity)
            await db.InTransactionAsync(c => places.PromoteWaitlistedAsync(forum.Id, forum.RequiresApproval, now, c), ct);

        var response = ForumResponse.FromEntity(forum);
        HttpContext.Response.Headers.ETag = response.ETag;
        await Send.OkAsync(response, ct);
    }
}
