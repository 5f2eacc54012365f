namespace Forums.Api.Domain;

/// <summary>Instants are stored in UTC and shown in the forum's IANA time zone, with the offset that zone has then.</summary>
public static class ForumTime
{
    public static TimeZoneInfo Zone(string ianaId) => TimeZoneInfo.FindSystemTimeZoneById(ianaId);

    public static DateTimeOffset Local(DateTime utc, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return new DateTimeOffset(DateTime.SpecifyKind(utc + offset, DateTimeKind.Unspecified), offset);
    }

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo zone) => DateOnly.FromDateTime(Local(utc, zone).DateTime);

    /// <summary>The UTC instants at which a local day of the zone begins and ends.</summary>
    public static (DateTime Start, DateTime End) DayInUtc(DateOnly day, TimeZoneInfo zone) =>
        (TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone),
         TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));

    /// <summary>
    /// Whether a slot's local start and end days fall within the forum's span (<see cref="Forum.Span"/>; always, while
    /// neither date is set).
    /// </summary>
    public static bool WithinDates(TimeSlot slot, DateOnly? start, DateOnly? end, TimeZoneInfo zone)
    {
        var (first, last) = Forum.Span(start, end);
        var startDay = LocalDate(slot.StartsAt, zone);
        var endDay = LocalDate(slot.EndsAt.AddTicks(-1), zone);
        return (first is null || startDay >= first) && (last is null || endDay <= last);
    }
}
