using Forums.Api.Hosting;
using Forums.Api.Persistence;

namespace Forums.Api.Http;

/// <summary>
/// Where the API is reached from outside, for the absolute URLs of generated documents: Api:PublicBaseUrl when it
/// is set, else the request's scheme and host as the connection (or a trusted proxy, see Edge) gave them.
/// </summary>
public sealed class PublicOrigin
{
    private readonly string? configured;

    public PublicOrigin(IConfiguration configuration)
    {
        if (Settings.Text(configuration, "Api:PublicBaseUrl") is not { } text)
            return;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
            || url.UserInfo.Length > 0 || url.Query.Length > 0 || url.Fragment.Length > 0)
            throw new StartupConfigurationException(
                "Api:PublicBaseUrl must be an absolute http or https URL without user, query or fragment, such as https://forum.example.org.");
        configured = url.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public bool IsConfigured => configured is not null;

    /// <summary>The origin (and path base) without a trailing slash: https://forum.example.org.</summary>
    public string For(HttpContext context) =>
        configured ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
}
