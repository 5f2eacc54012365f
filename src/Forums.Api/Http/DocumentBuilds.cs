namespace Forums.Api.Http;

/// <summary>
/// The programme's documents are made from the whole programme on each read: building and sending at most
/// <c>Limits:ConcurrentDocumentBuilds</c> at once per instance bounds the memory and processor a burst of reads can
/// take. A read waits its turn within its time limit, then answers 503 like any request past it.
/// </summary>
public sealed class DocumentBuilds(IConfiguration configuration)
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, configuration.GetValue("Limits:ConcurrentDocumentBuilds", 2)));

    public async Task RunAsync(Func<Task> buildAndSend, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        try
        {
            await buildAndSend();
        }
        finally
        {
            slots.Release();
        }
    }
}
