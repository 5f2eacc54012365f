using System.Globalization;
using System.Text;

namespace Forums.Api.Features.Programme.ExportCalendar;

/// <summary>
/// Writes RFC 5545 content lines: TEXT values escaped (§3.3.11), lines folded at 75 octets without splitting a
/// UTF-8 sequence (§3.1), CRLF line ends.
/// </summary>
internal sealed class ICalendarWriter
{
    private const int MaxOctets = 75;
    private readonly StringBuilder output = new();

    public ICalendarWriter Line(string name, string value)
    {
        Fold($"{name}:{value}");
        return this;
    }

    public ICalendarWriter Text(string name, string? text) => text is null ? this : Line(name, Escape(text));

    public static string Escape(string text) => text
        .Replace("\\", "\\\\")
        .Replace(";", "\\;")
        .Replace(",", "\\,")
        .Replace("\r\n", "\\n")
        .Replace("\n", "\\n")
        .Replace("\r", "\\n");

    public static string UtcStamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string LocalStamp(DateTime local) => local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(output.ToString());

    /// <summary>The calendar as written so far, to be sent chunk by chunk.</summary>
    public StringBuilder Text() => output;

    private void Fold(string line)
    {
        // Walks the line's grapheme clusters as spans: a string per character here cost a 3 MB calendar ~80 MB of garbage.
        var rest = line.AsSpan();
        var octets = 0;
        var limit = MaxOctets;
        while (!rest.IsEmpty)
        {
            var element = rest[..StringInfo.GetNextTextElementLength(rest)];
            var size = Encoding.UTF8.GetByteCount(element);
            if (octets + size > limit)
            {
                // A continuation line starts with one space, which counts against its 75 octets.
                output.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1;
            }
            output.Append(element);
            octets += size;
            rest = rest[element.Length..];
        }
        output.Append("\r\n");
    }
}
