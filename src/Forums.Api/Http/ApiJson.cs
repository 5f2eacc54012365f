using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Forums.Api.Http;

/// <summary>One set of JSON rules for endpoints, problem details and the OpenAPI document.</summary>
public static class ApiJson
{
    /// <summary>The API's options, for code that serialises outside an endpoint's response (exports, seeds, examples).</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        return options;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Text in any script stays readable; characters that matter to HTML are still escaped.
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        DateJson.Add(options.Converters);
    }
}
