using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Forums.Api.Domain;

namespace Forums.Api.Http;

/// <summary>A JSON value the API refuses with its own message, which the 400 carries (instead of "not valid JSON").</summary>
public sealed class JsonValueException(string message) : JsonException(message);

/// <summary>
/// Dates and date-times as every request field reads them: a date-time carries its offset (RFC 3339 §5.6), else it
/// would be read in the host's zone; dates are YYYY-MM-DD; both lie in the domain's <see cref="DateWindow"/>.
/// Written as System.Text.Json writes them.
/// </summary>
public static partial class DateJson
{
    public const string DateTimeRule = "An RFC 3339 date-time with its UTC offset (Z or ±hh:mm), e.g. 2027-05-20T10:00:00+05:00, " +
                                       DateWindow.Rule + " (its date as written, in its own offset); a date-time without an offset is refused (400).";
    public const string DateRule = "A date as YYYY-MM-DD, " + DateWindow.Rule + ".";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex WithoutOffset();

    public static void Add(IList<JsonConverter> converters)
    {
        converters.Add(new DateTimeOffsetConverter());
        converters.Add(new UtcDateTimeConverter());
        converters.Add(new DateOnlyConverter());
    }

    /// <summary>The instant a text names, or the message that says what is wrong with it.</summary>
    public static (DateTimeOffset? Value, string? Error) ParseDateTime(string? text)
    {
        if (text is null || !Rfc3339().IsMatch(text))
            return (null, text is not null && WithoutOffset().IsMatch(text)
                ? "Add the UTC offset to the date-time (Z or ±hh:mm, e.g. 2027-05-20T10:00:00+05:00): RFC 3339 §5.6 requires it, and without it the time is ambiguous."
                : DateTimeFormat);
        if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            return (null, DateTimeFormat);
        return DateWindow.Contains(value) ? (value, null) : (null, $"Give a date-time {DateWindow.Rule}, e.g. 2027-05-20T10:00:00+05:00.");
    }

    /// <summary>What a date-time is written as, with an example: every refusal of one says it.</summary>
    public const string DateTimeFormat = "Give an RFC 3339 date-time with its offset, e.g. 2027-05-20T10:00:00+05:00.";

    /// <summary>What a date is written as, with an example: every refusal of one says it.</summary>
    public const string DateFormat = "Give a date as YYYY-MM-DD, e.g. 2027-05-20.";

    public static (DateOnly? Value, string? Error) ParseDate(string? text)
    {
        if (text is null || text.Length != 10 || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (null, DateFormat);
        return DateWindow.Contains(day) ? (day, null) : (null, $"Give a date {DateWindow.Rule}, as YYYY-MM-DD, e.g. 2027-05-20.");
    }

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    // A number or an object where a date is expected is refused with the same words as a malformed string.
    private static string Text(ref Utf8JsonReader reader, string format) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonValueException(format);

    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var (value, error) = ParseDateTime(Text(ref reader, DateTimeFormat));
            return value ?? throw new JsonValueException(error!);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    /// <summary>A DateTime read from a request is the UTC instant of the date-time sent.</summary>
    private sealed class UtcDateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var (value, error) = ParseDateTime(Text(ref reader, DateTimeFormat));
            return value?.UtcDateTime ?? throw new JsonValueException(error!);
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var (value, error) = ParseDate(Text(ref reader, DateFormat));
            return value ?? throw new JsonValueException(error!);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
