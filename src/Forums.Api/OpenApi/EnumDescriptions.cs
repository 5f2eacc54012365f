using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>
/// Explains each value of an enum where a generated client shows it: the schema's description is the type's summary
/// followed by one line per value ("- `confirmed`: ..."), and x-enum-descriptions lists the same sentences in the order of
/// <c>enum</c> (read by several client generators). Values are named as the API's JSON names them (camelCase); a value
/// without a summary gets an empty entry and no line, which the document tests refuse.
/// </summary>
internal sealed class EnumDescriptions : ISchemaFilter
{
    public const string Extension = "x-enum-descriptions";

    private static readonly Lazy<Dictionary<string, XElement>> Summaries = new(() =>
        File.Exists(XmlDocs.FilePath)
            ? XDocument.Load(XmlDocs.FilePath).Descendants("member")
                .Where(m => m.Element("summary") is not null)
                .ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("summary")!)
            : []);

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Type) ?? context.Type;
        if (!type.IsEnum || schema is not OpenApiSchema { Enum.Count: > 0 } concrete)
            return;

        var members = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => JsonNamingPolicy.CamelCase.ConvertName(f.Name), f => Summary($"F:{Name(type)}.{f.Name}"));
        var values = concrete.Enum.Select(v => v?.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null).ToList();
        var explained = values.Select(v => v is not null ? members.GetValueOrDefault(v) ?? "" : "").ToList();

        var description = new StringBuilder(Summary($"T:{Name(type)}") ?? concrete.Description ?? "");
        description.Append("\n\n");
        for (var i = 0; i < values.Count; i++)
            if (explained[i].Length > 0)
                description.Append($"- `{values[i]}`: {explained[i]}\n");
        concrete.Description = description.ToString().TrimEnd('\n');
        concrete.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        concrete.Extensions[Extension] = new JsonNodeExtension(new JsonArray([.. explained.Select(e => (JsonNode)JsonValue.Create(e))]));
    }

    private static string Name(Type type) => type.FullName!.Replace('+', '.');

    private static string? Summary(string member) => Summaries.Value.TryGetValue(member, out var summary) ? Text(summary) : null;

    /// <summary>The summary as one line of text: a cref as the name it points to, &lt;c&gt; as code.</summary>
    private static string Text(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.Nodes())
            text.Append(node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "see" or "seealso" } see when see.Attribute("cref") is { } cref => cref.Value[(cref.Value.LastIndexOf('.') + 1)..],
                XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
                XElement other => other.Value,
                _ => "",
            });
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
