namespace Forums.Api.Http;

/// <summary>
/// HEAD on every GET (RFC 9110 §9.3.2): the request is routed and answered as the GET, with the same status and
/// headers (ETag, Content-Type, Content-Length where the GET states it), and its body is dropped. Runs before routing,
/// which knows only the GET routes.
/// </summary>
internal sealed class HeadRequests(RequestDelegate next)
{
    // Every other request passes straight on, without a state machine of its own (a GET is most of the traffic).
    public Task InvokeAsync(HttpContext context) => HttpMethods.IsHead(context.Request.Method) ? HeadAsync(context) : next(context);

    private async Task HeadAsync(HttpContext context)
    {
        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = new Dropped(context.Response, context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()!);
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    }

    /// <summary>A body whose bytes go nowhere; the first write still starts the answer, as the GET's would.</summary>
    private sealed class Dropped(HttpResponse response, Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature server) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() { }
        public override Task FlushAsync(CancellationToken cancellationToken) => Start();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Start().GetAwaiter().GetResult();
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Start();
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => new(Start());

        // The server's own body feature: the one the replaced Body wraps would only flush this stream.
        private Task Start() => response.HasStarted ? Task.CompletedTask : server.StartAsync();
    }
}
