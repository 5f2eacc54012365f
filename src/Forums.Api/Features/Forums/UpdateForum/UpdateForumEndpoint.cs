using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Forums.UpdateForum;

internal class UpdateForumEndpoint(ForumsDbContext db, PlaceLedger places, TimeProvider time) : Endpoint<UpdateForumRequest, ForumResponse>
{
    /// <summary>The problem types of its 409 (and of its merge patch's).</summary>
    internal static readonly ProblemType[] Conflicts = [ProblemTypes.SlugTaken, ProblemTypes.PlacesHeld, ProblemTypes.ProgrammeOutsideDates, ProblemTypes.ForumArchived, ProblemTypes.ChangedConcurrently];

    /// <summary>What a change of a forum must respect, whether the whole body is sent (PUT) or a merge patch of it.</summary>
    internal const string Rules =
        "Raising the capacity gives the new places to the longest-waiting delegates; it cannot go below the places held (409). " +
        "New dates or a new time zone that would leave a scheduled session outside the forum's dates answer 409, naming the sessions.";

    public override void Configure()
    {
        Put("{forumId}");
        Group<ForumsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("updateForum")
            .WithSummary("Replace a forum's fields")
            .WithDescription("Send every field, as on create; send If-Match with the ETag you read so that nobody's change is lost. " + Rules)
            .Accepts<UpdateForumRequest>("application/json")
            .Produces<ForumResponse>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404, 412, 415)
            .ProducesProblems(Conflicts), clearDefaults: true);
    }

    public override async Task HandleAsync(UpdateForumRequest req, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // One transaction under the place ledger's lock: the capacity is checked against the places held as the lock
        // holds them, and the waitlisted that a higher capacity lets in are promoted before anyone else can take the room.
        var outcome = await db.InTransactionAsync(async c =>
        {
            var loaded = await Changes.LoadForumAsync(db, User, req.ForumId, req.IfMatch, c,
                lockFirst: () => places.LockForPromotionAsync(req.ForumId, [], c));
            if (loaded.Problem is { } problem)
                return Outcome.Refused(problem);
            var forum = loaded.Value!;
            var details = req.ToDetails();
            if (details.StartDate != forum.StartDate || details.EndDate != forum.EndDate || details.TimeZone != forum.TimeZone)
            {
                // New dates or a new zone may not leave a session outside them; the programme lock keeps a session
                // from being scheduled while this is checked.
                await ProgrammeLock.TakeAsync(db, forum.Id, c);
                var outside = await ProgrammeLock.SessionsOutsideAsync(db, forum.Id, details.StartDate, details.EndDate,
                    ForumTime.Zone(details.TimeZone), c);
                if (outside.Count > 0)
                    return Outcome.Refused(Problems.Result(ProblemTypes.ProgrammeOutsideDates,
                        $"These sessions would lie outside the forum's dates: {string.Join("; ", outside.Names(Titles.First))}. Move them first.",
                        (ProblemMembers.SessionIds, outside.Ids)));
            }
            var oldCapacity = forum.Capacity;
            forum.Update(details, now);
            if (await ConditionalWrites.SaveAsync(db, req.IfMatch, () => ForumProblems.SlugTaken(req.Slug), c) is { } raced)
                return Outcome.Refused(raced);
            if (PlaceLimit.AddsRoom(oldCapacity, forum.Capacity))
                await places.PromoteWaitlistedAsync(forum.Id, forum.RequiresApproval, now, c);
            return Outcome.Done(forum);
        }, ct);
        if (outcome.Problem is { } refused)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var response = ForumResponse.FromEntity(outcome.Value!);
        HttpContext.Response.Headers.ETag = response.ETag;
        await Send.OkAsync(response, ct);
    }
}
