using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Net.Http.Headers;

namespace Forums.Api.Http;

/// <summary>Reads that answer 304 while If-None-Match still matches the ETag (RFC 9110 §13.1.2).</summary>
public static class ConditionalReads
{
    /// <summary>Sets the ETag and tells whether If-None-Match still matches it.</summary>
    public static bool IsNotModified(HttpContext context, string etag)
    {
        context.Response.Headers.ETag = etag;
        return ETags.NoneMatchHits(context.Request.Headers.IfNoneMatch, etag);
    }

    /// <summary>One resource: the problem when it was refused or is missing, 304 while unchanged, else 200 with it.</summary>
    public static IResult Answer<T>(HttpContext context, T? resource, Func<T, string> etag, Func<IResult> problem) where T : class =>
        resource is null ? problem()
        : IsNotModified(context, etag(resource)) ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
        : TypedResults.Ok(resource);

    /// <summary>The same, written by the resource's JSON metadata (<see cref="Json{T}"/>).</summary>
    public static IResult Answer<T>(HttpContext context, T? resource, Func<T, string> etag, JsonTypeInfo<T> json, Func<IResult> problem)
        where T : class =>
        resource is null ? problem()
        : IsNotModified(context, etag(resource)) ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
        : Json(resource, json);

    /// <summary>
    /// The same, for a tagged resource whose JSON was written ahead (<see cref="WrittenJson.WriteTagged"/>, which has
    /// already compared If-None-Match: when it matched, nothing was written).
    /// </summary>
    public static IResult Answer(HttpContext context, WrittenJson? resource, Func<IResult> problem)
    {
        if (resource is null)
            return problem();
        context.Response.Headers.ETag = resource.ETag ?? throw new ArgumentException("Only a tagged resource is answered conditionally.", nameof(resource));
        return resource.NotModified ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : resource;
    }

    /// <summary>
    /// A resource's JSON written before its answer is made — straight from its row while the reader is on it — into a
    /// pooled buffer with the API's encoder; as a result, 200 with it and its length. Serialised answers are sent the same way.
    /// </summary>
    public sealed class WrittenJson : IResult
    {
        private JsonBuffer? buffer;

        private WrittenJson(JsonBuffer? buffer, string? etag)
        {
            this.buffer = buffer;
            ETag = etag;
            NotModified = buffer is null;
        }

        /// <summary>The resource's ETag; null for an untagged document (a page).</summary>
        public string? ETag { get; }

        /// <summary>The request's If-None-Match matched <see cref="ETag"/>: nothing was written, and the answer is 304.</summary>
        public bool NotModified { get; }

        /// <summary>An untagged document (a page), written with the API's options.</summary>
        public static WrittenJson Write<TState>(TState state, Action<Utf8JsonWriter, TState> write) =>
            new(Written(ApiJson.Options, state, write), null);

        /// <summary>
        /// A tagged resource, written only when its answer will carry it: while <paramref name="ifNoneMatch"/> (the
        /// request's) matches <paramref name="etag"/> nothing is written, and <see cref="Answer(HttpContext, WrittenJson?, Func{IResult})"/>
        /// answers 304.
        /// </summary>
        public static WrittenJson WriteTagged<TState>(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag, TState state,
            Action<Utf8JsonWriter, TState> write) =>
            new(ETags.NoneMatchHits(ifNoneMatch, etag) ? null : Written(ApiJson.Options, state, write), etag);

        /// <summary>An untagged document escaped with these options' encoder.</summary>
        internal static WrittenJson Write<TState>(JsonSerializerOptions options, TState state, Action<Utf8JsonWriter, TState> write) =>
            new(Written(options, state, write), null);

        private static JsonBuffer Written<TState>(JsonSerializerOptions options, TState state, Action<Utf8JsonWriter, TState> write)
        {
            var buffer = JsonBuffer.Rent(options);
            try
            {
                write(buffer.Writer, state);
                buffer.Writer.Flush();
                return buffer;
            }
            catch
            {
                JsonBuffer.Return(buffer);
                throw;
            }
        }

        public async Task ExecuteAsync(HttpContext context)
        {
            var bytes = buffer?.Bytes ?? throw new InvalidOperationException("This JSON was already sent, or never written (a 304).");
            try
            {
                context.Response.StatusCode = StatusCodes.Status200OK;
                context.Response.ContentType = JsonContentType;
                context.Response.ContentLength = bytes.WrittenCount;
                await context.Response.Body.WriteAsync(bytes.WrittenMemory, context.RequestAborted);
            }
            finally
            {
                Release();
            }
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref buffer, null) is { } taken)
                JsonBuffer.Return(taken);
        }
    }

    /// <summary>200 with the value as JSON, serialised into a pooled buffer and sent with its length.</summary>
    public static IResult Json<T>(T value, JsonTypeInfo<T> json) =>
        WrittenJson.Write(json.Options, (value, json), static (writer, s) => JsonSerializer.Serialize(writer, s.value, s.json));

    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>A document made on each read (agenda, exports), tagged by its bytes: equal bytes, equal tag, on every instance.</summary>
    public static IResult Bytes(HttpContext context, byte[] body, string contentType, string? fileName = null)
    {
        Limits.BeginAnswer(context);
        return IsNotModified(context, Tag(SHA256.HashData(body)))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(body, contentType, fileName);
    }

    /// <summary>
    /// A JSON document made on each read, tagged as <see cref="Bytes"/> tags but never held whole: a first
    /// serialisation only hashes and counts it, the answer streams a second one.
    /// </summary>
    public static async Task<IResult> JsonDocumentAsync<T>(HttpContext context, T document, CancellationToken ct)
    {
        await using var counter = new HashingStream();
        await JsonSerializer.SerializeAsync(counter, document, ApiJson.Options, ct);
        Limits.BeginAnswer(context);
        return IsNotModified(context, Tag(counter.Hash()))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : new StreamedJson<T>(document, counter.Length);
    }

    /// <summary>
    /// A text document made on each read (the iCalendar file), tagged as <see cref="Bytes"/> tags and written from its
    /// builder's chunks in UTF-8: never copied whole into one string or one array.
    /// </summary>
    public static IResult Text(HttpContext context, StringBuilder text, string contentType, string fileName)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var length = EncodeChunks(text, bytes =>
        {
            hash.AppendData(bytes.Span);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        Limits.BeginAnswer(context);
        return IsNotModified(context, Tag(hash.GetHashAndReset()))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : new StreamedText(text, length, contentType, fileName);
    }

    /// <summary>Encodes the builder chunk by chunk (a surrogate pair split between chunks is carried over); returns the byte count.</summary>
    private static async Task<long> EncodeChunks(StringBuilder text, Func<ReadOnlyMemory<byte>, Task> write)
    {
        var encoder = new UTF8Encoding(false).GetEncoder();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            long length = 0;
            foreach (var chunk in text.GetChunks())
            {
                for (var rest = chunk; !rest.IsEmpty;)
                {
                    var take = Math.Min(rest.Length, 16 * 1024);
                    var count = encoder.GetBytes(rest.Span[..take], buffer, flush: false);
                    await write(buffer.AsMemory(0, count));
                    length += count;
                    rest = rest[take..];
                }
            }
            var last = encoder.GetBytes([], buffer, flush: true);
            await write(buffer.AsMemory(0, last));
            return length + last;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed class StreamedText(StringBuilder text, long length, string contentType, string fileName) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = contentType;
            context.Response.ContentLength = length;
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            context.Response.Headers.ContentDisposition = disposition.ToString();
            await EncodeChunks(text, bytes => context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask());
        }
    }

    /// <summary>
    /// A buffer and its writer, kept for the next answer unless a very long page made it large. The writer escapes with
    /// the options' encoder (the one thing it takes from them): a buffer is reused for any options with the same encoder.
    /// </summary>
    private sealed class JsonBuffer(JavaScriptEncoder? encoder)
    {
        private const int KeptCapacity = 256 * 1024;
        private static readonly ConcurrentQueue<JsonBuffer> Idle = new();

        public JavaScriptEncoder? Encoder { get; } = encoder;
        public ArrayBufferWriter<byte> Bytes { get; } = new(4096);
        public Utf8JsonWriter Writer { get; } = new(Stream.Null, new JsonWriterOptions { Encoder = encoder, SkipValidation = true });

        public static JsonBuffer Rent(JsonSerializerOptions options)
        {
            var buffer = Idle.TryDequeue(out var idle) && idle.Encoder == options.Encoder ? idle : new JsonBuffer(options.Encoder);
            buffer.Writer.Reset(buffer.Bytes);
            return buffer;
        }

        public static void Return(JsonBuffer buffer)
        {
            buffer.Bytes.ResetWrittenCount();
            if (buffer.Bytes.Capacity <= KeptCapacity && Idle.Count < Environment.ProcessorCount * 4)
                Idle.Enqueue(buffer);
        }
    }

    private static string Tag(byte[] sha256) => $"\"{Base64Url.EncodeToString(sha256.AsSpan(0, 18))}\"";

    private sealed class StreamedJson<T>(T document, long length) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = JsonContentType;
            context.Response.ContentLength = length;
            return JsonSerializer.SerializeAsync(context.Response.Body, document, ApiJson.Options, context.RequestAborted);
        }
    }

    /// <summary>A stream that keeps nothing of what is written to it but its SHA-256 and its length.</summary>
    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }

        public byte[] Hash() => hash.GetHashAndReset();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            Position += buffer.Length;
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
