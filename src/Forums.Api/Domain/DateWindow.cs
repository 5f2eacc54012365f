namespace Forums.Api.Domain;

/// <summary>
/// The one window of dates and date-times the API accepts: the years 2000 to 2100, a date-time read in its own offset.
/// Far enough from the calendar's ends that a time shown in any zone (UTC−12 to UTC+14), the day after it or the
/// years around it never overflow.
/// </summary>
public static class DateWindow
{
    public static readonly DateOnly FirstDay = new(2000, 1, 1);
    public static readonly DateOnly LastDay = new(2100, 12, 31);

    public const string Rule = "in the years 2000 to 2100";

    // An offset is at most ±14:00, so the instants of the window's date-times lie this far beyond its days in UTC.
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);
    private static readonly DateTime FirstInstant = FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - MaxOffset;
    private static readonly DateTime EndInstant = LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) + MaxOffset;

    public static bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>A date-time as written: its date in its own offset.</summary>
    public static bool Contains(DateTimeOffset time) => Contains(DateOnly.FromDateTime(time.DateTime));

    /// <summary>A stored UTC instant that some date-time of the window names.</summary>
    public static bool ContainsInstant(DateTime utc) => utc >= FirstInstant && utc < EndInstant;
}
