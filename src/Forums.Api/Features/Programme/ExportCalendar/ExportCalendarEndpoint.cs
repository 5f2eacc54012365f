using FastEndpoints;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Persistence;

namespace Forums.Api.Features.Programme.ExportCalendar;

internal sealed class ExportCalendarEndpoint(ForumsDbContext db, DocumentBuilds builds) : Endpoint<ProgrammeRequest>
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public override void Configure()
    {
        Get("programme.ics");
        Group<ProgrammeGroup>();
        Definition.Access(AccessLevel.Public);
        Description(d => d
            .WithName("exportCalendar")
            .WithSummary("The programme as iCalendar (RFC 5545), for calendar apps")
            .WithDescription("One VEVENT per scheduled session (stable UIDs), times in the forum's IANA zone with its VTIMEZONE, and an all-day event for the forum's dates when they are set. Sessions without a slot are not in it.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .Produces(StatusCodes.Status304NotModified)
            .WithMetadata(new InReaderLanguage(Always: true))
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
            var language = ReaderLanguages.ForTexts(HttpContext, programme.Forum.TextLanguages, always: true);
            ReaderLanguages.Tell(HttpContext.Response, language);
            var calendar = Write(programme, language, ct);
            await Send.ResultAsync(ConditionalReads.Text(HttpContext, calendar.Text(), ContentType, $"{forum.Slug}-programme.ics"));
        }, ct);
    }

    internal static ICalendarWriter Write(ProgrammeSnapshot programme, string? lang, CancellationToken ct)
    {
        var forum = programme.Forum;
        var zone = programme.Zone;
        var calendar = new ICalendarWriter()
            .Line("BEGIN", "VCALENDAR")
            .Line("VERSION", "2.0")
            .Line("PRODID", "-//Forum API//Programme//EN")
            .Line("CALSCALE", "GREGORIAN")
            .Line("METHOD", "PUBLISH")
            .Text("X-WR-CALNAME", LanguagePicker.Pick(forum.Title, lang))
            .Line("X-WR-TIMEZONE", zone.Id);

        var scheduled = programme.Scheduled.ToList();
        var instants = scheduled.SelectMany(s => new[] { s.StartsAt!.Value, s.EndsAt!.Value })
            .Concat(new[] { forum.StartDate, forum.EndDate }.OfType<DateOnly>().Select(d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))
            .DefaultIfEmpty(forum.UpdatedAt).ToList();
        VTimeZoneBuilder.Write(calendar, zone, new DateTime(instants.Min().Year - 1, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(instants.Max().Year + 2, 1, 1, 0, 0, 0, DateTimeKind.Utc), ct);

        if (forum.StartDate is { } first)
        {
            calendar.Line("BEGIN", "VEVENT")
                .Line("UID", $"forum-{forum.Id}@forum-api")
                .Line("DTSTAMP", ICalendarWriter.UtcStamp(forum.UpdatedAt))
                .Line("DTSTART;VALUE=DATE", ICalendarWriter.Date(first))
                .Line("DTEND;VALUE=DATE", ICalendarWriter.Date((forum.EndDate ?? first).AddDays(1)))
                .Text("SUMMARY", LanguagePicker.Pick(forum.Title, lang))
                .Text("DESCRIPTION", LanguagePicker.Pick(forum.Description, lang))
                .Text("LOCATION", string.Join(", ", new[] { LanguagePicker.Pick(forum.Venue, lang), LanguagePicker.Pick(forum.City, lang) }.OfType<string>()))
                .Line("TRANSP", "TRANSPARENT")
                .Line("END", "VEVENT");
        }

        foreach (var session in scheduled)
        {
            ct.ThrowIfCancellationRequested();
            var speakers = programme.SpeakersBySession[session.Id].Select(x => x.Speaker.NameLatin ?? x.Speaker.Name).ToList();
            var description = string.Join("\n\n", new[]
            {
                LanguagePicker.Pick(session.Description, lang),
                speakers.Count > 0 ? string.Join(", ", speakers) : null,
            }.OfType<string>());
            calendar.Line("BEGIN", "VEVENT")
                .Line("UID", $"session-{session.Id}@forum-api")
                .Line("DTSTAMP", ICalendarWriter.UtcStamp(session.UpdatedAt))
                .Line("LAST-MODIFIED", ICalendarWriter.UtcStamp(session.UpdatedAt))
                .Line($"DTSTART;TZID={zone.Id}", ICalendarWriter.LocalStamp(ForumTime.Local(session.StartsAt!.Value, zone).DateTime))
                .Line($"DTEND;TZID={zone.Id}", ICalendarWriter.LocalStamp(ForumTime.Local(session.EndsAt!.Value, zone).DateTime))
                .Text("SUMMARY", LanguagePicker.Pick(session.Title, lang))
                .Text("DESCRIPTION", description.Length > 0 ? description : null)
                .Text("LOCATION", session.Room)
                .Text("CATEGORIES", session.Kind.ToString().ToLowerInvariant())
                .Line("END", "VEVENT");
        }

        return calendar.Line("END", "VCALENDAR");
    }
}
