using System.Globalization;
using System.Reflection;
using FastEndpoints;
using Microsoft.Extensions.Primitives;

namespace Forums.Api.Http;

/// <summary>
/// Query values read strictly, one value each: an enum by one of its names (not a number, not "a,b", which .NET would
/// read as the two values OR-ed: "confirmed,waitlisted" once listed the cancelled), a number in digits, true or false,
/// an id; an empty value or a repeated parameter is a 400 rather than no filter or a flag read as false.
/// </summary>
internal static class QueryValues
{
    public static void Configure(BindingOptions binding)
    {
        var types = typeof(QueryValues).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties())
            .Where(p => p.IsDefined(typeof(QueryParamAttribute), inherit: true))
            .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
            .Distinct();
        foreach (var type in types)
        {
            Func<string, object?>? parse = type switch
            {
                _ when type.IsEnum => text => Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
                    is { } name ? Enum.Parse(type, name) : null,
                _ when type == typeof(int) => text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null,
                _ when type == typeof(bool) => text => bool.TryParse(text, out var b) ? b : null,
                _ when type == typeof(Guid) => text => Guid.TryParse(text, out var id) ? id : null,
                _ => null,
            };
            if (parse is null)
                continue;
            binding.ValueParserFor(type, values => Parse(values, parse));
            binding.ValueParserFor(typeof(Nullable<>).MakeGenericType(type), values => Parse(values, parse));
        }
    }

    private static ParseResult Parse(StringValues values, Func<string, object?> parse) =>
        values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]) && parse(values[0]!) is { } value
            ? new ParseResult(true, value)
            : new ParseResult(false, null);
}
