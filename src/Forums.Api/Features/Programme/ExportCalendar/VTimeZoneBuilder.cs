namespace Forums.Api.Features.Programme.ExportCalendar;

/// <summary>
/// The VTIMEZONE of an IANA zone (RFC 5545 §3.6.5), built from the operating system's tzdata for the years the
/// calendar covers: one observance from the start of that span, then one for each change of offset within it.
/// </summary>
internal static class VTimeZoneBuilder
{
    public static void Write(ICalendarWriter calendar, TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        calendar.Line("BEGIN", "VTIMEZONE").Line("TZID", zone.Id).Line("X-LIC-LOCATION", zone.Id);
        var offset = zone.GetUtcOffset(fromUtc);
        Observance(calendar, zone, fromUtc, offset, offset);
        foreach (var (at, before, after) in Transitions(zone, fromUtc, toUtc, ct))
            Observance(calendar, zone, at, before, after);
        calendar.Line("END", "VTIMEZONE");
    }

    private static void Observance(ICalendarWriter calendar, TimeZoneInfo zone, DateTime atUtc, TimeSpan from, TimeSpan to)
    {
        var kind = zone.IsDaylightSavingTime(atUtc) ? "DAYLIGHT" : "STANDARD";
        calendar.Line("BEGIN", kind)
            // The onset is the local time just before the change, in the offset then in force.
            .Line("DTSTART", ICalendarWriter.LocalStamp(atUtc + from))
            .Line("TZOFFSETFROM", ICalendarWriter.Offset(from))
            .Line("TZOFFSETTO", ICalendarWriter.Offset(to))
            .Line("TZNAME", Name(to))
            .Line("END", kind);
    }

    private static string Name(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(offset.Minutes == 0 ? "hh" : "hhmm");

    /// <summary>Each change of offset within the span, to the minute: found day by day, then narrowed by halving.</summary>
    private static IEnumerable<(DateTime At, TimeSpan Before, TimeSpan After)> Transitions(TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var day = fromUtc;
        var offset = zone.GetUtcOffset(day);
        while (day < toUtc)
        {
            ct.ThrowIfCancellationRequested();
            var next = day.AddDays(1);
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset != offset)
            {
                var (low, high) = (day, next);
                while (high - low > TimeSpan.FromMinutes(1))
                {
                    var middle = low + (high - low) / 2;
                    if (zone.GetUtcOffset(middle) == offset)
                        low = middle;
                    else
                        high = middle;
                }
                var at = new DateTime(high.Ticks - high.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
                yield return (at, offset, nextOffset);
                offset = nextOffset;
            }
            day = next;
        }
    }
}
