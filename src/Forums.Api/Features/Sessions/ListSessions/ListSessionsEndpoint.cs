using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Http.Paging;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Sessions.ListSessions;

internal sealed class ListSessionsEndpoint(ForumsDbContext db) : Endpoint<ListSessionsRequest, Page<SessionResponse>>
{
    public override void Configure()
    {
        Get("");
        Group<SessionsGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("listSessions")
            .WithSummary("List a forum's sessions in programme order")
            .Produces<Page<SessionResponse>>(StatusCodes.Status200OK)
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(ListSessionsRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForReaderAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        await Send.OkAsync(await ReadPageAsync(db, forum!, req, ct), ct);
    }

    internal static Task<Page<SessionResponse>> ReadPageAsync(ForumsDbContext db, ForumScope forum, ListSessionsRequest req, CancellationToken ct)
    {
        var zone = ForumTime.Zone(forum.TimeZone);
        var sessions = db.Sessions.Where(s => s.ForumId == forum.Id);
        if (req.Day is { } day)
        {
            var (from, to) = ForumTime.DayInUtc(day, zone);
            sessions = sessions.Where(s => s.StartsAt >= from && s.StartsAt < to);
        }
        if (NameKey.Of(req.Room) is { } roomKey)
            sessions = sessions.Where(s => s.RoomKey == roomKey);
        if (req.Kind is { } kind)
            sessions = sessions.Where(s => s.Kind == kind);
        if (req.SpeakerId is { } speakerId)
            sessions = sessions.Where(s => db.SessionSpeakers.Any(a => a.SessionId == s.Id && a.SpeakerId == speakerId));
        if (req.Language is { } language)
        {
            var tag = LanguageTag.Canonicalize(language);
            sessions = sessions.Where(s => s.Languages.Contains(tag) || s.InterpretationLanguages.Contains(tag));
        }
        return sessions.PageAsync(s => s.SortKey, req.Cursor, req.Limit,
            (page, c) => ProgrammeRules.ResponsesAsync(db, page, zone, c), s => s.SortKey, ct);
    }
}
