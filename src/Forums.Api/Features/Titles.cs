namespace Forums.Api.Features;

internal static class Titles
{
    /// <summary>A language map's first text, to name a thing in a message.</summary>
    public static string First(Dictionary<string, string> text) => text.Values.FirstOrDefault() ?? "";
}
