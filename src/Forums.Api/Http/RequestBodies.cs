using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FastEndpoints;

namespace Forums.Api.Http;

/// <summary>
/// FastEndpoints reads the whole JSON body into the request DTO first, then binds the route, the query and the headers,
/// each overwriting only what it finds: an "ifMatch" in a body stood in for a missing If-Match header, and a body sent
/// with a GET set its query parameters. The body's reader does not see a property marked as coming from elsewhere, so
/// such a member of a body is an unknown member, ignored like any other.
/// </summary>
internal static class RequestBodies
{
    public static JsonSerializerOptions ReaderOptions(JsonSerializerOptions apiOptions) => new(apiOptions)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutPropertiesBoundElsewhere } },
    };

    public static bool IsBoundElsewhere(ICustomAttributeProvider member) =>
        member.IsDefined(typeof(RouteParamAttribute), true) || member.IsDefined(typeof(QueryParamAttribute), true)
        || member.IsDefined(typeof(FromHeaderAttribute), true) || member.IsDefined(typeof(FromClaimAttribute), true)
        || member.IsDefined(typeof(HasPermissionAttribute), true);

    private static void WithoutPropertiesBoundElsewhere(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
            return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].AttributeProvider is { } member && IsBoundElsewhere(member))
                type.Properties.RemoveAt(i);
        }
    }
}
