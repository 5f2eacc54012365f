using FastEndpoints;
using Microsoft.Extensions.Primitives;

namespace Forums.Api.Http;

/// <summary>Dates and date-times in query strings, read by the rules of <see cref="DateJson"/>: the same formats, offsets and window.</summary>
internal static class DateQueries
{
    private static readonly Dictionary<Type, Func<string?, string?>> Errors = new()
    {
        [typeof(DateOnly)] = text => DateJson.ParseDate(text).Error,
        [typeof(DateTimeOffset)] = text => DateJson.ParseDateTime(text).Error,
        [typeof(DateTime)] = text => DateJson.ParseDateTime(text).Error,
    };

    public static void Configure(BindingOptions binding)
    {
        foreach (var type in Errors.Keys)
        {
            binding.ValueParserFor(type, values => Parse(type, values));
            binding.ValueParserFor(typeof(Nullable<>).MakeGenericType(type), values => Parse(type, values));
        }
    }

    /// <summary>Why a query value of a date type did not bind; null for other types.</summary>
    public static string? Error(Type type, StringValues values) =>
        Errors.TryGetValue(Nullable.GetUnderlyingType(type) ?? type, out var error) ? error(values.ToString()) : null;

    private static ParseResult Parse(Type type, StringValues values)
    {
        var text = values.ToString();
        if (type == typeof(DateOnly))
            return DateJson.ParseDate(text) is { Value: { } day } ? new(true, day) : new(false, null);
        var (instant, _) = DateJson.ParseDateTime(text);
        return instant is null ? new(false, null)
            : type == typeof(DateTime) ? new(true, instant.Value.UtcDateTime) : new(true, instant.Value);
    }
}
