namespace Forums.Api.Domain;

/// <summary>
/// The one window of dates and instants the API accepts: the years 2000 to 2100. Far enough from the calendar's ends
/// that a time shown in any zone (UTC−12 to UTC+14), a day after it or the years around it never overflow.
/// </summary>
public static class DateWindow
{
    public static readonly DateOnly FirstDay = new(2000, 1, 1);
    public static readonly DateOnly LastDay = new(2100, 12, 31);
    public static readonly DateTime FirstInstant = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    /// <summary>The last instant of 2100 in UTC, to the second.</summary>
    public static readonly DateTime LastInstant = new(2100, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    public const string DateRule = "between 2000-01-01 and 2100-12-31";
    public const string InstantRule = "between 2000-01-01T00:00:00Z and 2100-12-31T23:59:59Z";

    public static bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    public static bool Contains(DateTimeOffset instant) => instant.UtcDateTime >= FirstInstant && instant.UtcDateTime <= LastInstant;

    /// <summary>A UTC instant (a stored time).</summary>
    public static bool Contains(DateTime utc) => utc >= FirstInstant && utc <= LastInstant;
}
