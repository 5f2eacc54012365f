using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forum.NSwagClient;

// NSwag's own hook into its System.Text.Json options (a partial method of the generated client; the generated code
// stays as generated). NSwag writes every property of a body, null or not, and a JSON Merge Patch reads a null as
// "clear this member": a patch of two members would clear all the others. Leaving nulls out makes a patch send only
// what it sets (and a PUT or POST omit what it leaves null, which the API reads the same). What it cannot then send is
// an explicit null, to clear a member: that takes a request of one's own (or a JsonObject body) with NSwag.
public partial class ForumApiClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
}
