using System.Text.Json;
using System.Text.Json.Serialization;
using Forums.Api.Features.Forums;
using Forums.Api.Http;

namespace Forums.Api.Features;

/// <summary>
/// The responses of the lean read path that the serializer writes (the forum; a delegate is written from its row by
/// <c>DelegateResponse.WriteRow</c>), with their JSON metadata made at compile time. The serializer's fast path cannot
/// write with the API's encoder, so only metadata is generated, and it is used with the API's own options.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ForumResponse))]
internal sealed partial class ResponseJson : JsonSerializerContext
{
    /// <summary>With <see cref="ApiJson.Options"/>: its encoder, camelCase names and enums, date converters and null handling.</summary>
    public static ResponseJson Api { get; } = new(new JsonSerializerOptions(ApiJson.Options));
}
