using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FastEndpoints;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;
using Microsoft.Extensions.Options;

namespace Forums.Api.Http;

/// <summary>
/// A JSON body is read against its operation's request type before the operation binds it, and everything in it that
/// the operation would not take is named at once, each by its path as the JSON writes it (<c>needs.dieet</c>,
/// <c>languages[1]</c>): a member the request does not have (a misspelt <c>interpretationLanguage</c> was silently
/// dropped), with the member it was probably meant to be; a member the server sets (<c>id</c>, <c>status</c>,
/// <c>createdAt</c>... of a resource sent back as it was read); a route id, header or query parameter written in the
/// body; an enum value that is not one of its names, listed; a date that is not one, with its format; a language map that
/// is not an object of texts, with an example. The deserializer stops at the first problem and names .NET types; this
/// answers all of them in the client's words. A body that is not JSON at all is left to the operation's reader, which
/// names where it broke.
/// </summary>
internal sealed class BodyMemberGuard(RequestDelegate next, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    /// <summary>The longest field path an error names; a client's member name can be of any length.</summary>
    private const int MaxPathLength = 100;

    /// <summary>The longest member name that is compared with the request's members for "did you mean".</summary>
    private const int MaxComparedName = 64;

    public const string LanguageMapShape = "Give an object keyed by BCP 47 language tags whose values are the text in that language, " +
                                           "e.g. {\"kk\": \"Түркістан\", \"en\": \"Turkistan\"}.";

    // The options the operation's reader uses (FastEndpoints copies these): the same names, case rules and members.
    private readonly JsonSerializerOptions reader = RequestBodies.ReaderOptions(json.Value.SerializerOptions);
    // The options answers are written with, to read the members of an operation's answer.
    private readonly JsonSerializerOptions writer = new(json.Value.SerializerOptions)
    {
        TypeInfoResolver = json.Value.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver(),
    };
    private readonly ConcurrentDictionary<Type, FrozenMembers> members = new();
    private readonly ConcurrentDictionary<Type, HashSet<string>> answers = new();

    public Task InvokeAsync(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EndpointDefinition>() is { } definition
        && definition.ReqDtoType != typeof(EmptyRequest)
        && context.Request.ContentLength != 0
        && context.Request.HasJsonContentType()
            ? GuardAsync(context, definition)
            : next(context);

    private async Task GuardAsync(HttpContext context, EndpointDefinition definition)
    {
        context.Request.EnableBuffering();
        Findings? findings = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body,
                new JsonDocumentOptions { MaxDepth = reader.MaxDepth == 0 ? 64 : reader.MaxDepth }, context.RequestAborted);
            findings = new Findings();
            Walk(document.RootElement, definition.ReqDtoType, "", findings, ReadOnlyNames(definition.ResDtoType));
        }
        catch (JsonException)
        {
            // Not JSON, or nested past the reader's depth: the operation's reader refuses it and names where it broke.
            findings = null;
        }
        finally
        {
            context.Request.Body.Position = 0;
        }

        if (findings is { Errors.Count: > 0 })
        {
            await TypedResults.Json(Problems.Validation(context, findings.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), findings.More),
                statusCode: StatusCodes.Status400BadRequest, contentType: Problems.ContentType).ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private void Walk(JsonElement element, Type declared, string path, Findings findings, HashSet<string>? readOnly)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (element.ValueKind == JsonValueKind.Null)
            return;
        if (type.IsEnum)
        {
            CheckEnum(element, type, path, findings);
            return;
        }
        if (type == typeof(DateOnly))
        {
            var error = element.ValueKind == JsonValueKind.String ? DateJson.ParseDate(element.GetString()).Error : DateJson.DateFormat;
            findings.Add(path, error);
            return;
        }
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            var error = element.ValueKind == JsonValueKind.String ? DateJson.ParseDateTime(element.GetString()).Error : DateJson.DateTimeFormat;
            findings.Add(path, error);
            return;
        }
        if (LanguageMaps.IsLanguageMap(type))
        {
            CheckLanguageMap(element, path, findings);
            return;
        }

        var info = reader.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable when element.ValueKind == JsonValueKind.Array && info.ElementType is { } itemType:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    Walk(item, itemType, Invariant($"{path}[{index++}]"), findings, null);
                return;
            case JsonTypeInfoKind.Object when element.ValueKind == JsonValueKind.Object:
                var shape = members.GetOrAdd(type, _ => FrozenMembers.Of(info, type));
                var seen = new HashSet<string>(shape.Comparer);
                foreach (var property in element.EnumerateObject())
                {
                    var field = Join(path, property.Name);
                    if (!seen.Add(property.Name))
                        findings.Add(field, "Given twice: give each member once.");
                    else if (shape.Types.TryGetValue(property.Name, out var memberType))
                        Walk(property.Value, memberType, field, findings, null);
                    else
                        findings.Add(field, () => shape.Unknown(property.Name, readOnly));
                }
                return;
            default:
                // A number, string, id or list of them: the reader checks it and names the field.
                return;
        }
    }

    private static void CheckEnum(JsonElement element, Type type, string path, Findings findings)
    {
        var names = Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray();
        var listed = string.Join(", ", names);
        if (element.ValueKind != JsonValueKind.String)
            findings.Add(path, $"Give one of {listed}, as a string.");
        else if (element.GetString() is var text && !names.Contains(text, StringComparer.OrdinalIgnoreCase))
            findings.Add(path, $"'{RuleExtensions.Shorten(text)}' is not one of {listed}.");
    }

    private static void CheckLanguageMap(JsonElement element, string path, Findings findings)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            findings.Add(path, LanguageMapShape);
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in element.EnumerateObject())
        {
            var field = Join(path, text.Name);
            if (!seen.Add(text.Name))
                findings.Add(field, "This language is given twice: give each language once.");
            else if (text.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                findings.Add(field, "Give the text in this language as a string, e.g. {\"kk\": \"Түркістан\", \"en\": \"Turkistan\"}.");
        }
    }

    /// <summary>The members the operation's answer has: sent back in a body, they are named as read-only.</summary>
    private HashSet<string>? ReadOnlyNames(Type? response) =>
        response is null || response == typeof(object) || response == typeof(EmptyResponse)
            ? null
            : answers.GetOrAdd(response, r => writer.GetTypeInfo(r) is { Kind: JsonTypeInfoKind.Object } info
                ? info.Properties.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : []);

    private static string Join(string path, string name)
    {
        var field = path.Length == 0 ? name : $"{path}.{name}";
        return field.Length <= MaxPathLength ? field : field[..MaxPathLength] + "…";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What one request type takes, and what to say of a member it does not.</summary>
    private sealed class FrozenMembers
    {
        public required Dictionary<string, Type> Types { get; init; }
        public required StringComparer Comparer { get; init; }
        /// <summary>Members of the DTO read from elsewhere: the JSON name and where the client should put it.</summary>
        public required Dictionary<string, string> Elsewhere { get; init; }

        public static FrozenMembers Of(JsonTypeInfo info, Type type)
        {
            var comparer = info.Options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
            var elsewhere = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(RequestBodies.IsBoundElsewhere))
            {
                var name = info.Options.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
                var where = property.GetCustomAttribute<FromHeaderAttribute>() is { } header
                    ? $"Send it as the {header.HeaderName ?? property.Name} header, not in the body."
                    : property.IsDefined(typeof(RouteParamAttribute), true) ? "It is taken from the URL, not the body: leave it out."
                    : property.IsDefined(typeof(QueryParamAttribute), true) ? "Send it as a query parameter, not in the body."
                    : null;
                if (where is not null)
                    elsewhere[name] = where;
            }
            return new FrozenMembers
            {
                Types = info.Properties.ToDictionary(p => p.Name, p => p.PropertyType, comparer),
                Comparer = comparer,
                Elsewhere = elsewhere,
            };
        }

        public string Unknown(string name, HashSet<string>? readOnly)
        {
            if (Elsewhere.TryGetValue(name, out var where))
                return where;
            if (readOnly?.Contains(name) == true)
                return "Read-only: the server sets it. Leave it out (a request takes only the members its schema lists).";
            if (Types.Count == 0)
                return "Unknown member: this operation takes no body members (send no body, or {}).";
            if (name.Length <= MaxComparedName && Closest(name) is { } meant)
                return $"Unknown member: did you mean '{meant}'?";
            return $"Unknown member. This object takes: {string.Join(", ", Types.Keys)}.";
        }

        private string? Closest(string name)
        {
            var allowed = name.Length >= 6 ? 2 : 1;
            return Types.Keys
                .Select(known => (known, distance: EditDistance.Within(name.ToLowerInvariant(), known.ToLowerInvariant(), allowed)))
                .Where(c => c.distance <= allowed)
                .OrderBy(c => c.distance)
                .Select(c => c.known)
                .FirstOrDefault();
        }
    }

    /// <summary>The errors found so far, at most <see cref="Problems.MaxErrorEntries"/> fields; the rest are counted.</summary>
    private sealed class Findings
    {
        public Dictionary<string, List<string>> Errors { get; } = [];
        public int More { get; private set; }

        public void Add(string field, string? message)
        {
            if (message is not null)
                Add(field, () => message);
        }

        /// <summary>The message is made only for a field that is shown (a body may hold a hundred thousand unknown members).</summary>
        public void Add(string field, Func<string> message)
        {
            if (Errors.TryGetValue(field, out var messages))
            {
                if (messages.Count < Problems.MaxMessagesPerEntry && message() is var text && !messages.Contains(text))
                    messages.Add(text);
            }
            else if (Errors.Count < Problems.MaxErrorEntries)
                Errors[field] = [message()];
            else
                More++;
        }
    }
}
