using System.Reflection;
using System.Xml.Linq;

namespace Forums.Api.OpenApi;

/// <summary>The &lt;summary&gt; of members, read from the XML documentation file built beside the assembly.</summary>
internal static class XmlDocs
{
    public static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, $"{typeof(XmlDocs).Assembly.GetName().Name}.xml");

    private static readonly Lazy<Dictionary<string, string>> Summaries = new(() =>
        File.Exists(FilePath)
            ? XDocument.Load(FilePath).Descendants("member")
                .Where(m => m.Element("summary") is not null)
                .ToDictionary(m => (string)m.Attribute("name")!, m => Normalize(m.Element("summary")!.Value))
            : []);

    public static string? Summary(PropertyInfo property) =>
        Summaries.Value.GetValueOrDefault($"P:{property.DeclaringType!.FullName!.Replace('+', '.')}.{property.Name}");

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
