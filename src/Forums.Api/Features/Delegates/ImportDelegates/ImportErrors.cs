using Forums.Api.Http;

namespace Forums.Api.Features.Delegates.ImportDelegates;

/// <summary>
/// An import's problems as it reads them, kept as the answer shows them: the first <see cref="Problems.MaxErrorEntries"/>
/// entries of a few messages each, and a count of the others. A file of 20,000 bad rows collected every failure before the
/// answer cut them: 18 MB took the process from 165 to 581 MB.
/// </summary>
internal sealed class ImportErrors
{
    private readonly Dictionary<string, List<string>> entries = [];
    // The entries past the cap that the current line has had: a line counts each of its columns once.
    private readonly HashSet<string> uncounted = [];
    private string? uncountedLine;

    public bool Any => entries.Count > 0;
    public int More { get; private set; }

    public void Add(int line, string column, string message) => Add($"line {line}", $"line {line}: {column}", message);

    public void Add(string key, string message) => Add(key, key, message);

    private void Add(string line, string key, string message)
    {
        if (entries.TryGetValue(key, out var messages))
        {
            if (messages.Count < Problems.MaxMessagesPerEntry && !messages.Contains(message))
                messages.Add(message);
            return;
        }
        if (entries.Count < Problems.MaxErrorEntries)
        {
            entries[key] = [message];
            return;
        }
        if (uncountedLine != line)
        {
            uncountedLine = line;
            uncounted.Clear();
        }
        if (uncounted.Add(key))
            More++;
    }

    public Dictionary<string, string[]> ToDictionary() => entries.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
