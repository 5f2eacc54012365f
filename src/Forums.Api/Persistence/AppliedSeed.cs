namespace Forums.Api.Persistence;

/// <summary>A seed file that was loaded once; it is never loaded again, so later edits and deletions stand.</summary>
public sealed class AppliedSeed
{
    public string SeedId { get; set; } = "";
    public DateTime AppliedAt { get; set; }
}
