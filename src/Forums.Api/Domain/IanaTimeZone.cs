namespace Forums.Api.Domain;

public static class IanaTimeZone
{
    /// <summary>True for an IANA zone id the operating system's tzdata knows (not a Windows id, not an offset).</summary>
    public static bool Exists(string? id) =>
        id is { Length: > 0 and <= 64 }
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId
        && string.Equals(zone.Id, id, StringComparison.Ordinal);
}
