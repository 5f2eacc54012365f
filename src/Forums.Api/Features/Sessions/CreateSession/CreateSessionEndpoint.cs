using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Http.Idempotency;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Sessions.CreateSession;

internal sealed class CreateSessionEndpoint(ForumsDbContext db, TimeProvider time) : Endpoint<CreateSessionRequest, SessionResponse>
{
    public override void Configure()
    {
        Post("");
        Group<SessionsGroup>();
        Definition.Access(AccessLevel.Organiser);
        Description(d => d
            .WithName("createSession")
            .WithSummary("Add a session to a forum's programme")
            .WithDescription($"A slot lies within the forum's dates when they are set (400). A room in two overlapping sessions answers 409, naming the other session. A programme holds at most {Session.MaxPerForum} sessions (409).")
            .Accepts<CreateSessionRequest>("application/json")
            .AcceptsIdempotencyKey(AcceptsIdempotencyKey.KeepingTheAnswer)
            .Produces<SessionResponse>(StatusCodes.Status201Created)
            .ProducesProblems(400, 404, 415)
            .ProducesProblems(ProblemTypes.RoomClash, ProblemTypes.ProgrammeLimit, ProblemTypes.ForumArchived), clearDefaults: true);
    }

    public override async Task HandleAsync(CreateSessionRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForChangeAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        var outcome = await db.InTransactionAsync(async c =>
            await new CreateSessionCommand(Guid.CreateVersion7(), forum!.Id, req.ToDetails(await ProgrammeRules.NextOrderAsync(db, forum.Id, c)))
                .RunAsync(db, time.GetUtcNow().UtcDateTime, c), ct);
        if (outcome.Problem is { } stopped)
        {
            await Send.ResultAsync(stopped);
            return;
        }

        var response = outcome.Value!;
        HttpContext.Response.Headers.ETag = response.ETag;
        HttpContext.Response.Headers.Location = SessionProblems.Location(forum!.Id, response.Id);
        await Send.ResponseAsync(response, StatusCodes.Status201Created, ct);
    }
}
