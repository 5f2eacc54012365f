using Forums.Api.Hosting;

namespace Forums.Api.Http;

/// <summary>
/// The programme's documents are made from the whole programme on each read: building and sending at most
/// <c>Limits:ConcurrentDocumentBuilds</c> at once per instance bounds the memory and processor a burst of reads can
/// take. A read waits its turn within its time limit, then answers 503 like any request past it. Once the answer has
/// begun, the slot is held for at most the time limit again: a reader that has not taken its document by then loses
/// the connection (a begun answer cannot become a 503), so that a client that stops reading cannot keep every forum's
/// documents waiting.
/// </summary>
public sealed class DocumentBuilds(IConfiguration configuration)
    : Turns(Settings.Number(configuration, "Limits:ConcurrentDocumentBuilds", 2, 1, 64))
{
    private readonly TimeSpan holdAtMost = TimeSpan.FromSeconds(Limits.RequestTimeoutSeconds(configuration));

    public Task RunAsync(HttpContext context, Func<Task> buildAndSend, CancellationToken ct) =>
        TakeTurnAsync(async () =>
        {
            // Until the answer begins, the request's own time limit applies (a 503); from then on, this one.
            using var deadline = new SendDeadline(context, holdAtMost);
            await buildAndSend();
        }, ct);

    /// <summary>Cuts the connection once the answer has been under way for longer than allowed; ends with the slot.</summary>
    private sealed class SendDeadline : IDisposable
    {
        private readonly object gate = new();
        private readonly CancellationTokenSource cancel = new();
        private readonly CancellationTokenRegistration cut;
        private bool ended;

        public SendDeadline(HttpContext context, TimeSpan holdAtMost)
        {
            cut = cancel.Token.Register(context.Abort);
            // The answer may begin only after the slot is given back (a small answer is flushed at the end): then nothing is left to cut.
            context.Response.OnStarting(() =>
            {
                lock (gate)
                    if (!ended)
                        cancel.CancelAfter(holdAtMost);
                return Task.CompletedTask;
            });
        }

        public void Dispose()
        {
            lock (gate)
            {
                ended = true;
                cut.Dispose();
                cancel.Dispose();
            }
        }
    }
}
