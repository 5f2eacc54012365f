using Forums.Api.Hosting;

namespace Forums.Api.Http;

/// <summary>
/// At most a set number of one kind of costly request at once per instance; the others wait their turn within their
/// time limit, then answer 503 like any request past it.
/// </summary>
public abstract class Turns(int slots)
{
    private readonly SemaphoreSlim turns = new(slots);

    protected async Task TakeTurnAsync(Func<Task> work, CancellationToken ct)
    {
        await turns.WaitAsync(ct);
        try
        {
            await work();
        }
        finally
        {
            turns.Release();
        }
    }
}

/// <summary>
/// Delegate imports run at most <c>Limits:ConcurrentImports</c> (1) at once: each holds up to a file's rows, and its
/// transaction holds the write lock anyway (three 18 MB files at once took the process to 1.2 GB).
/// </summary>
public sealed class ImportTurns(IConfiguration configuration) : Turns(Settings.Number(configuration, "Limits:ConcurrentImports", 1, 1, 64))
{
    public Task RunAsync(Func<Task> import, CancellationToken ct) => TakeTurnAsync(import, ct);
}
