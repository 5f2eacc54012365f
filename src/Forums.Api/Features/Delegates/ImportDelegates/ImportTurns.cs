namespace Forums.Api.Features.Delegates.ImportDelegates;

/// <summary>
/// Imports run at most <c>Limits:ConcurrentImports</c> (1) at once per instance: each holds up to a file's rows, and
/// its transaction holds the write lock anyway (three 18 MB files at once took the process to 1.2 GB). An import waits
/// its turn within its time limit, then answers 503 like any request past it.
/// </summary>
public sealed class ImportTurns(IConfiguration configuration)
{
    private readonly SemaphoreSlim turns = new(Math.Max(1, configuration.GetValue("Limits:ConcurrentImports", 1)));

    public async Task RunAsync(Func<Task> import, CancellationToken ct)
    {
        await turns.WaitAsync(ct);
        try
        {
            await import();
        }
        finally
        {
            turns.Release();
        }
    }
}
