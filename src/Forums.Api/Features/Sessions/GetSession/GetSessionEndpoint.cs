using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Sessions.GetSession;

internal sealed class GetSessionEndpoint(ForumsDbContext db) : Endpoint<SessionRequest, SessionResponse>
{
    public override void Configure()
    {
        Get("{sessionId}");
        Group<SessionsGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("getSession")
            .WithSummary("Get a session with its speakers")
            .Produces<SessionResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(SessionRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForReaderAsync(db, User, req.ForumId, ct);
        var session = refused is null
            ? (await ProgrammeRules.ResponsesAsync(db, db.Sessions.Where(s => s.Id == req.SessionId && s.ForumId == forum!.Id),
                ForumTime.Zone(forum!.TimeZone), ct)).SingleOrDefault()
            : null;
        await Send.ResultAsync(ConditionalReads.Answer(HttpContext, session, s => s.ETag, () => refused ?? SessionProblems.NotFound(req.SessionId)));
    }
}
