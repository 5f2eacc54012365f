namespace Forums.Api.Domain;

public static class IanaTimeZone
{
    /// <summary>
    /// True for an IANA zone id the operating system's tzdata knows (not a Windows id, not an offset), and not one of the
    /// host's zoneinfo files that is no place's zone: localtime and posixrules (whatever the machine is set to), the
    /// right/ and posix/ copies, Factory.
    /// </summary>
    public static bool Exists(string? id) =>
        id is { Length: > 0 and <= 64 }
        && !HostFiles.Contains(id) && !id.StartsWith("right/", StringComparison.Ordinal) && !id.StartsWith("posix/", StringComparison.Ordinal)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
        && zone.HasIanaId
        && string.Equals(zone.Id, id, StringComparison.Ordinal);

    private static readonly HashSet<string> HostFiles = new(StringComparer.Ordinal) { "localtime", "posixrules", "Factory" };
}
