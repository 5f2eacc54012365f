using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json;
using FastEndpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Forums.Api.Http;

/// <summary>
/// JSON Merge Patch (RFC 7396) of a resource that has a PUT: the patch is merged into the resource's PUT body as it is
/// now, and the merged body is the PUT's, bound, validated and run by the PUT's own use case. No rule has a second home.
/// </summary>
public static class MergePatch
{
    public const string ContentType = "application/merge-patch+json";

    /// <summary>What every merge-patch operation says about what it takes, before the rules of the PUT it runs.</summary>
    public const string Semantics =
        "Send only what changes, as a JSON Merge Patch (RFC 7396) with Content-Type: application/merge-patch+json (another type is 415): " +
        "a member left out keeps its value; null clears a member (a required one answers 400 naming it); an object merges member by member, " +
        "so in a language map {\"title\": {\"ru\": null}} removes the Russian title and keeps the others; an array replaces the old one. " +
        "The patch is merged into the resource as it is now, and the result is checked and saved exactly as the PUT of the same URL takes a whole body. " +
        "Without If-Match the change still applies only to the version it was merged into: a change made meanwhile answers 409 (read again and retry).";

    /// <summary>
    /// The operation takes a merge patch (<typeparamref name="TPatch"/> describes it in the document) of its PUT body,
    /// read from the resource as <paramref name="readOperation"/> (a GET of the same route values) answers it.
    /// </summary>
    public static RouteHandlerBuilder AcceptsMergePatch<TPatch>(this RouteHandlerBuilder builder, string readOperation)
        where TPatch : IMergePatchBody =>
        builder.Accepts<TPatch>(ContentType).WithMetadata(new MergePatchOf(readOperation));

    /// <summary>
    /// RFC 7396 §2, written out: the target's members (already an object, or none) with the patch's merged in. A member
    /// set to null is removed, an object merges into the target's object (or into nothing), anything else replaces; a
    /// patch's value is written as the client wrote it, so the PUT's reader judges it as it would judge it in a PUT.
    /// At the top, a null for a member the target does not have stays in the body, so that the PUT's reader meets it as
    /// it meets any member it does not know.
    /// </summary>
    internal static void Merge(Utf8JsonWriter writer, IReadOnlyList<(string Name, JsonElement Value)> target, JsonElement patch, bool top)
    {
        var patched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in patch.EnumerateObject())
            patched.Add(member.Name);
        var targets = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        writer.WriteStartObject();
        foreach (var (name, value) in target)
        {
            targets[name] = value;
            if (patched.Contains(name))
                continue;
            writer.WritePropertyName(name);
            value.WriteTo(writer);
        }
        foreach (var member in patch.EnumerateObject())
        {
            if (member.Value.ValueKind == JsonValueKind.Null)
            {
                if (top && !targets.ContainsKey(member.Name))
                {
                    writer.WritePropertyName(member.Name);
                    writer.WriteNullValue();
                }
                continue;
            }
            writer.WritePropertyName(member.Name);
            if (member.Value.ValueKind == JsonValueKind.Object)
                Merge(writer, targets.TryGetValue(member.Name, out var old) && old.ValueKind == JsonValueKind.Object ? Members(old) : [],
                    member.Value, top: false);
            else
                writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(member.Value), skipInputValidation: true);
        }
        writer.WriteEndObject();
    }

    internal static List<(string Name, JsonElement Value)> Members(JsonElement value) =>
        [.. value.EnumerateObject().Select(m => (m.Name, m.Value))];
}

/// <summary>A type that describes a merge patch in the document: its PUT body's members, none required.</summary>
public interface IMergePatchBody;

/// <summary>The operation takes a merge patch of its PUT body (see <see cref="MergePatch"/>), read by this operation.</summary>
public sealed record MergePatchOf(string ReadOperation);

/// <summary>
/// Turns a merge patch into its PUT body before FastEndpoints binds it. It reads the resource as the operation's GET
/// answers it (404 and the rest of the GET's refusals as they are), keeps the members the PUT body has, merges the
/// patch in, and hands the endpoint (the PUT's use case) that body with If-Match set to the version it was merged into.
/// A stale If-Match is 412 before anything is merged; without one, a change that came in between answers 409 instead
/// of the 412 the client did not ask for (RFC 5789 §2.2).
/// </summary>
internal sealed class MergePatches(RequestDelegate next, EndpointDataSource endpoints)
{
    private static readonly JsonDocumentOptions PatchReading = new() { MaxDepth = 64, AllowDuplicateProperties = false };
    private static readonly JsonSerializerOptions BodyReading = RequestBodies.ReaderOptions(ApiJson.Options);
    private static readonly ConcurrentDictionary<Type, string[]> BodyMembers = new();
    private readonly ConcurrentDictionary<string, RouteEndpoint> reads = new();

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        return endpoint?.Metadata.GetMetadata<MergePatchOf>() is { } patchOf && endpoint.Metadata.GetMetadata<EndpointDefinition>() is { } definition
            ? PatchAsync(context, patchOf, definition)
            : next(context);
    }

    private async Task PatchAsync(HttpContext context, MergePatchOf patchOf, EndpointDefinition definition)
    {
        using var patch = await ReadPatchAsync(context);
        if (patch is null)
            return;
        using var current = await ReadCurrentAsync(context, patchOf.ReadOperation);
        if (current is null)
            return;
        var etag = current.ETag;
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (ConditionalWrites.CheckIfMatch(ifMatch, etag) is { } stale)
        {
            await stale.ExecuteAsync(context);
            return;
        }
        var merged = Merged(current.Body.RootElement, patch.RootElement, definition.ReqDtoType, patchOf.ReadOperation);

        var request = context.Request;
        request.Body = new MemoryStream(merged, writable: false);
        request.ContentLength = merged.Length;
        request.ContentType = "application/json";
        request.Headers.IfMatch = etag;
        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            await next(context);
            return;
        }
        await RunWithoutClientPreconditionAsync(context);
    }

    // The patch: a JSON object, or a 400 naming the body, as the PUT's reader names a body that is not JSON.
    private static async Task<JsonDocument?> ReadPatchAsync(HttpContext context)
    {
        JsonDocument patch;
        try
        {
            patch = await JsonDocument.ParseAsync(context.Request.Body, PatchReading, context.RequestAborted);
        }
        catch (JsonException)
        {
            await Problems.BadRequest("$", "The body is not valid JSON: send a JSON object of the members to change.").ExecuteAsync(context);
            return null;
        }
        string? refusal = null;
        if (patch.RootElement.ValueKind != JsonValueKind.Object)
            refusal = "A merge patch (RFC 7396) is a JSON object of the members to change; null removes a member.";
        else if (!NamesAreText(patch.RootElement))
            refusal = "A member's name is not valid Unicode text.";
        if (refusal is null)
            return patch;
        patch.Dispose();
        await Problems.BadRequest("$", refusal).ExecuteAsync(context);
        return null;
    }

    // A name escaped as a lone surrogate cannot be read as text (the PUT's reader refuses it as well).
    private static bool NamesAreText(JsonElement value)
    {
        try
        {
            if (value.ValueKind == JsonValueKind.Array)
                return value.EnumerateArray().All(NamesAreText);
            if (value.ValueKind != JsonValueKind.Object)
                return true;
            foreach (var member in value.EnumerateObject())
            {
                _ = member.Name;
                if (!NamesAreText(member.Value))
                    return false;
            }
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private sealed class Current(JsonDocument body, string etag) : IDisposable
    {
        public JsonDocument Body { get; } = body;
        public string ETag { get; } = etag;
        public void Dispose() => Body.Dispose();
    }

    // What the read's answer says about itself besides its body (its ETag is the resource's, which the PATCH did not answer with).
    private static readonly string[] AnswerHeaders = [HeaderNames.ContentLanguage, HeaderNames.Vary, HeaderNames.RetryAfter, HeaderNames.WWWAuthenticate];

    // The resource as its GET answers this caller, in a context and scope of its own; any other answer than 200 is the PATCH's.
    private async Task<Current?> ReadCurrentAsync(HttpContext context, string operation)
    {
        var read = reads.GetOrAdd(operation, name => endpoints.Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name));
        await using var scope = context.RequestServices.CreateAsyncScope();
        using var answer = new MemoryStream();
        var reading = new DefaultHttpContext
        {
            RequestServices = scope.ServiceProvider,
            User = context.User,
            RequestAborted = context.RequestAborted,
            TraceIdentifier = context.TraceIdentifier,
        };
        reading.Request.Method = HttpMethods.Get;
        reading.Request.Scheme = context.Request.Scheme;
        reading.Request.Host = context.Request.Host;
        reading.Request.PathBase = context.Request.PathBase;
        // The PATCH's own path: a problem the read answers names the request the client made.
        reading.Request.Path = context.Request.Path;
        reading.Request.RouteValues = new RouteValueDictionary(context.Request.RouteValues);
        // A problem the read answers is written in the language the PATCH asks for.
        reading.Request.Headers.AcceptLanguage = context.Request.Headers.AcceptLanguage;
        reading.Response.Body = answer;
        reading.SetEndpoint(read);
        await read.RequestDelegate!(reading);

        var response = reading.Response;
        if (response.StatusCode == StatusCodes.Status200OK && response.Headers.ETag.ToString() is { Length: > 0 } etag)
            return new Current(JsonDocument.Parse(answer.ToArray()), etag);
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        foreach (var header in AnswerHeaders)
            if (response.Headers.TryGetValue(header, out var value))
                context.Response.Headers[header] = value;
        answer.Position = 0;
        await answer.CopyToAsync(context.Response.Body, context.RequestAborted);
        return null;
    }

    // The PUT body as the resource is now (its members as the PUT's reader names them), with the patch merged in.
    private static byte[] Merged(JsonElement current, JsonElement patch, Type putBody, string readOperation)
    {
        var target = new List<(string, JsonElement)>();
        foreach (var name in BodyMembers.GetOrAdd(putBody, t => [.. BodyReading.GetTypeInfo(t).Properties.Select(p => p.Name)]))
        {
            // A member the read does not show would be cleared by every patch: that is a mistake of this API, not the client's.
            if (!current.TryGetProperty(name, out var value))
                throw new InvalidOperationException($"{readOperation} does not show '{name}', which {putBody.Name} takes: a merge patch would clear it.");
            target.Add((name, value));
        }
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
            MergePatch.Merge(writer, target, patch, top: true);
        return output.ToArray();
    }

    // The answer is held until it is known: a 412 here is the version this patch was merged into, not one the client sent.
    private async Task RunWithoutClientPreconditionAsync(HttpContext context)
    {
        var response = context.Response;
        var original = response.Body;
        using var held = new MemoryStream();
        response.Body = held;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }
        if (response.StatusCode == StatusCodes.Status412PreconditionFailed && !response.HasStarted)
        {
            response.Clear();
            await ConditionalWrites.Raced(null).ExecuteAsync(context);
            return;
        }
        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted);
    }
}
