using System.Text.Json;
using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Programme.GetAgenda;

internal sealed class GetAgendaEndpoint(ForumsDbContext db, DocumentBuilds builds) : Endpoint<ProgrammeRequest, AgendaResponse>
{
    public override void Configure()
    {
        Get("agenda");
        Group<ProgrammeGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("getAgenda")
            .WithSummary("The programme grouped by day, in the forum's time zone")
            .WithDescription("Days are the forum's local dates; times carry the zone's UTC offset. Sessions without a slot are listed after, in programme order.")
            .Produces<AgendaResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .WithMetadata(new InReaderLanguage(Always: false))
            .ProducesProblems(400, 404), clearDefaults: true);
    }

    public override async Task HandleAsync(ProgrammeRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForReaderAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }

        await builds.RunAsync(HttpContext, async () =>
        {
            var programme = await ProgrammeSnapshot.LoadAsync(db, forum!.Id, ct);
            var language = ReaderLanguages.ForTexts(HttpContext, programme.Forum.TextLanguages, always: false);
            ReaderLanguages.Tell(HttpContext.Response, language);
            var agenda = new AgendaResponse(
                forum.Id,
                programme.Forum.TimeZone,
                programme.Scheduled
                    .GroupBy(s => ForumTime.LocalDate(s.StartsAt!.Value, programme.Zone))
                    .Select(day => new AgendaDayResponse(day.Key, day.Select(s => Item(s, programme, language, ct)).ToList()))
                    .ToList(),
                programme.Unscheduled.Select(s => Item(s, programme, language, ct)).ToList());
            await Send.ResultAsync(await ConditionalReads.JsonDocumentAsync(HttpContext, agenda, ct));
        }, ct);
    }

    /// <summary>A session as the agenda shows it: every language of its texts, or only the reader's (<paramref name="language"/>).</summary>
    private static AgendaSessionResponse Item(Session s, ProgrammeSnapshot programme, string? language, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Dictionary<string, string>? Text(Dictionary<string, string>? text) => LanguagePicker.ShownIn(text, language);
        return new(
            s.Id, Text(s.Title)!, Text(s.Description), s.Kind, s.Order,
            s.StartsAt is { } start ? ForumTime.Local(start, programme.Zone) : null,
            s.EndsAt is { } end ? ForumTime.Local(end, programme.Zone) : null,
            s.Room, s.Languages, s.InterpretationLanguages,
            programme.SpeakersBySession[s.Id]
                .Select(x => new AgendaSpeakerResponse(x.Speaker.Id, x.Speaker.Name, x.Speaker.NameLatin, Text(x.Speaker.Position),
                    Text(x.Speaker.Organisation), x.Speaker.PhotoUrl, x.Assignment.Role))
                .ToList());
    }
}
