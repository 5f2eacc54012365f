using System.Text.Json;
using System.Text.Json.Nodes;
using Forums.Api.Features.Forums;
using Forums.Api.Http;
using Forums.Api.Http.Paging;
using Forums.Api.Seeding;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Forums.Api.OpenApi;

/// <summary>Examples in the document are the seed forum itself, so that they are real and stay true.</summary>
internal sealed class SeedExamples : ISchemaFilter
{
    public static readonly string SeedFile = Path.Combine(AppContext.BaseDirectory, "seeds", "central-asia-korea-ii.json");

    private static readonly Lazy<JsonObject?> SeedForum = new(() =>
    {
        if (!File.Exists(SeedFile))
            return null;
        var seed = SeedLoader.ReadAsync(SeedFile, CancellationToken.None).GetAwaiter().GetResult();
        return JsonSerializer.SerializeToNode(seed.Forum, ApiJson.Options)!.AsObject();
    });

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || context.MemberInfo is not null || SeedForum.Value is not { } seed)
            return;
        if (context.Type == typeof(ForumResponse))
            concrete.Examples = [Forum(seed)];
        else if (context.Type == typeof(Page<ForumResponse>))
            concrete.Examples = [new JsonObject { ["items"] = new JsonArray(Forum(seed)), ["nextCursor"] = null }];
        else if (typeof(ForumFields).IsAssignableFrom(context.Type) && typeof(Http.IMergePatchBody).IsAssignableFrom(context.Type))
            concrete.Examples = [Patch()];
        else if (typeof(ForumFields).IsAssignableFrom(context.Type) && RequestProperties.IsRequestType(context.Type))
            concrete.Examples = [Fields(seed)];
    }

    private static JsonObject Forum(JsonObject seed)
    {
        var forum = (JsonObject)seed.DeepClone();
        forum["createdAt"] = "2026-11-01T09:00:00Z";
        forum["updatedAt"] = "2026-11-01T09:00:00Z";
        forum["publishedAt"] = "2026-11-01T09:00:00Z";
        return forum;
    }

    // A patch sends only what changes: here the city's Russian name beside the seed's two, and the working languages.
    private static JsonObject Patch() => new()
    {
        ["city"] = new JsonObject { ["ru"] = "Туркестан" },
        ["languages"] = new JsonArray("kk", "ru", "en", "ko"),
    };

    private static JsonObject Fields(JsonObject seed)
    {
        var fields = (JsonObject)seed.DeepClone();
        fields.Remove("id");
        fields.Remove("status");
        return fields;
    }
}
