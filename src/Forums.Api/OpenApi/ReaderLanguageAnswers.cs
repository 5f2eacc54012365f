using System.Text.Json.Nodes;
using Forums.Api.Http;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>
/// Tells where the reader's language changes an answer: every problem names its language (Content-Language: kk, ru or en);
/// an operation marked <see cref="InReaderLanguage"/> takes Accept-Language and names the language it answered in.
/// </summary>
internal sealed class ReaderLanguageAnswers : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var (_, answer) in operation.Responses ?? [])
            if (answer is OpenApiResponse { Content: { } content } problem && content.ContainsKey(Problems.ContentType))
                (problem.Headers ??= new Dictionary<string, IOpenApiHeader>())["Content-Language"] = Header(
                    "The language of title and detail: kk, ru or en, as Accept-Language (or ?lang=) asks; English when it asks for none of them.",
                    required: true);

        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<InReaderLanguage>().FirstOrDefault() is not { } marked)
            return;
        (operation.Parameters ??= []).Add(new OpenApiParameter
        {
            Name = "Accept-Language",
            In = ParameterLocation.Header,
            Description = "The languages the reader wants, by weight (RFC 9110 §12.5.4), e.g. \"kk, ru;q=0.8\": the texts are written in the first " +
                          "one the forum writes in (its working languages and its title's), else in English, else in the first language each has; " +
                          "?lang= overrides it. Problems follow it too (kk, ru, en).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
            Example = JsonValue.Create("kk, ru;q=0.8"),
        });
        var said = marked.Always
            ? "The language the texts are written in."
            : "The language the texts are cut to, when Accept-Language or ?lang= asked for one (without either, every language is shown and this is not sent).";
        foreach (var status in new[] { "200", "304" })
            if (operation.Responses?.GetValueOrDefault(status) is OpenApiResponse answer)
                (answer.Headers ??= new Dictionary<string, IOpenApiHeader>())["Content-Language"] = Header(said, required: marked.Always && status == "200");
    }

    private static OpenApiHeader Header(string description, bool required) => new()
    {
        Description = description, Required = required, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
