using System.Globalization;
using FastEndpoints;
using Microsoft.Extensions.Primitives;

namespace Forums.Api.Http;

/// <summary>
/// Query and route values read strictly: an enum by one of its names (not a number, not "a,b", which .NET would read as the two
/// values OR-ed: "confirmed,waitlisted" once listed the cancelled), a number in digits, true or false, an id, and dates
/// and date-times by the rules of <see cref="DateJson"/> (the same formats, offsets and window). An empty or repeated
/// parameter never reaches these: <see cref="QueryParameterGuard"/> refuses it first.
/// </summary>
internal static class QueryValues
{
    public static void Configure(BindingOptions binding)
    {
        var types = typeof(QueryValues).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties())
            .Where(p => p.IsDefined(typeof(QueryParamAttribute), inherit: true) || p.IsDefined(typeof(RouteParamAttribute), inherit: true))
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Distinct();
        foreach (var type in types)
        {
            if (Parser(type) is not { } parse)
                continue;
            ParseResult Parse(StringValues values) =>
                values.Count == 1 && parse(values[0] ?? "") is { } value ? new ParseResult(true, value) : new ParseResult(false, null);
            binding.ValueParserFor(type, Parse);
            binding.ValueParserFor(typeof(Nullable<>).MakeGenericType(type), Parse);
        }
    }

    /// <summary>Why a query value of a date type did not bind, in DateJson's words; null for other types.</summary>
    public static string? DateError(Type type, StringValues values) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(DateOnly) => DateJson.ParseDate(values.ToString()).Error,
        var t when t == typeof(DateTimeOffset) || t == typeof(DateTime) => DateJson.ParseDateTime(values.ToString()).Error,
        _ => null,
    };

    private static Func<string, object?>? Parser(Type type) => type switch
    {
        _ when type.IsEnum => text => Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
            is { } name ? Enum.Parse(type, name) : null,
        _ when type == typeof(int) => text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null,
        _ when type == typeof(bool) => text => bool.TryParse(text, out var b) ? b : null,
        _ when type == typeof(Guid) => text => Guid.TryParse(text, out var id) ? id : null,
        _ when type == typeof(DateOnly) => text => DateJson.ParseDate(text).Value,
        _ when type == typeof(DateTimeOffset) => text => DateJson.ParseDateTime(text).Value,
        _ when type == typeof(DateTime) => text => DateJson.ParseDateTime(text).Value?.UtcDateTime,
        _ => null,
    };
}
