using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Programme.ExportSchedule;

internal sealed partial class ExportScheduleEndpoint(ForumsDbContext db, PublicOrigin publicOrigin, DocumentBuilds builds)
    : Endpoint<ProgrammeRequest, C3vocScheduleDocument>
{
    [GeneratedRegex("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")]
    private static partial Regex SchemaZonePattern();

    public override void Configure()
    {
        Get("schedule.json");
        Group<ProgrammeGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("exportSchedule")
            .WithSummary("The programme as C3VOC schedule JSON, for schedule apps")
            .WithDescription("Valid against https://c3voc.de/schedule/schema.json. The format needs the forum's dates (409 while they are unset); sessions without a slot are not in it.")
            .Produces<C3vocScheduleDocument>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified)
            .WithMetadata(new InReaderLanguage(Always: true))
            .ProducesProblems(400, 404)
            .ProducesProblems(ProblemTypes.DatesRequired), clearDefaults: true);
    }

    public override async Task HandleAsync(ProgrammeRequest req, CancellationToken ct)
    {
        var (forum, refused) = await ForumScope.ForReaderAsync(db, User, req.ForumId, ct);
        if (refused is not null)
        {
            await Send.ResultAsync(refused);
            return;
        }
        var origin = publicOrigin.For(HttpContext);
        await builds.RunAsync(HttpContext, async () =>
        {
            var programme = await ProgrammeSnapshot.LoadAsync(db, forum!.Id, ct);
            if (programme.Forum.StartDate is null || programme.Forum.EndDate is null)
            {
                await Send.ResultAsync(Problems.Result(ProblemTypes.DatesRequired, "The C3VOC schedule needs the forum's start and end dates; set them first."));
                return;
            }
            var language = ReaderLanguages.ForTexts(HttpContext, programme.Forum.TextLanguages, always: true);
            ReaderLanguages.Tell(HttpContext.Response, language);
            await Send.ResultAsync(await ConditionalReads.JsonDocumentAsync(HttpContext, Build(programme, language, origin, ct), ct));
        }, ct);
    }

    internal static C3vocScheduleDocument Build(ProgrammeSnapshot programme, string? lang, string origin, CancellationToken ct)
    {
        var forum = programme.Forum;
        var zone = programme.Zone;
        var first = forum.StartDate!.Value;
        var last = forum.EndDate!.Value;
        var acronym = forum.Slug.Replace('-', '_');
        var defaultRoom = LanguagePicker.Pick(forum.Venue, lang) ?? LanguagePicker.Pick(forum.City, lang)!;
        var scheduled = programme.Scheduled.ToList();
        // One room however its spellings differ ("Hall A", "hall  a"): the first spelling in programme order names it.
        var spellings = scheduled.Where(s => s.RoomKey is not null).GroupBy(s => s.RoomKey!).ToDictionary(g => g.Key, g => g.First().Room!);
        string RoomOf(Session s) => s.RoomKey is { } key ? spellings[key] : defaultRoom;
        var roomNames = scheduled.Select(RoomOf).Distinct().ToList();

        var byDay = scheduled.ToLookup(s => ForumTime.LocalDate(s.StartsAt!.Value, zone));
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(i =>
        {
            ct.ThrowIfCancellationRequested();
            var date = first.AddDays(i);
            var (dayStart, dayEnd) = ForumTime.DayInUtc(date, zone);
            var events = byDay[date]
                .Select(s => Event(s, programme, lang, acronym, RoomOf(s), origin))
                .GroupBy(e => e.Room)
                .ToDictionary(g => g.Key, g => g.ToList());
            return new C3vocDay(i + 1, Iso(date), Iso(ForumTime.Local(dayStart, zone)), Iso(ForumTime.Local(dayEnd.AddSeconds(-1), zone)), events);
        }).ToList();

        var conference = new C3vocConference(
            acronym,
            LanguagePicker.Pick(forum.Title, lang)!,
            LanguagePicker.Pick(forum.Description, lang),
            Iso(first),
            Iso(last),
            days.Count,
            "00:05",
            SchemaZonePattern().IsMatch(zone.Id) ? zone.Id : null,
            $"{origin}/api/forums/{forum.Id}",
            roomNames.Select(name => new C3vocRoom(name, StableGuid(forum.Id, name))).ToList(),
            days);
        return new C3vocScheduleDocument("https://c3voc.de/schedule/schema.json", new C3vocGenerator("forum-api", "1.0"),
            new C3vocSchedule($"{forum.Version}.{forum.ProgrammeVersion}", $"{origin}/", conference));
    }

    private static C3vocEvent Event(Session s, ProgrammeSnapshot programme, string? lang, string acronym, string room, string origin)
    {
        var start = ForumTime.Local(s.StartsAt!.Value, programme.Zone);
        var end = ForumTime.Local(s.EndsAt!.Value, programme.Zone);
        var length = end - start;
        var id = NumericId(s.Id);
        return new C3vocEvent(
            s.Id,
            id,
            Iso(start),
            start.ToString("HH:mm", CultureInfo.InvariantCulture),
            Iso(end),
            $"{(int)length.TotalHours:00}:{length.Minutes:00}",
            room,
            $"{acronym.Replace('_', '-')}-{id}",
            $"{origin}/api/forums/{s.ForumId}/sessions/{s.Id}",
            LanguagePicker.Pick(s.Title, lang)!,
            null,
            null,
            s.Kind.ToString().ToLowerInvariant(),
            s.Languages.FirstOrDefault(),
            LanguagePicker.Pick(s.Description, lang),
            null,
            programme.SpeakersBySession[s.Id]
                .Select(x => new C3vocPerson(x.Speaker.Id, x.Speaker.NameLatin ?? x.Speaker.Name, LanguagePicker.Pick(x.Speaker.Biography, lang)))
                .ToList(),
            []);
    }

    // The schema still requires frab's integer id: a stable positive number from the session's guid.
    private static int NumericId(Guid id) => (BitConverter.ToInt32(id.ToByteArray(), 12) & 0x3FFFFFFF) + 1;

    private static Guid StableGuid(Guid forumId, string name)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{forumId}/{name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

}
