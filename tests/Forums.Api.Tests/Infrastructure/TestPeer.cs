using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>
/// The in-memory server has no connection: a request's "X-Test-Peer" header is taken as the address it came from,
/// before the API sees it, as a socket would give it (a client, or a reverse proxy in front of the API).
/// </summary>
public sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                context.Request.Headers.Remove(Header);
            }
            return following(context);
        });
        next(app);
    };
}

public static class TestPeerRequests
{
    /// <summary>A GET sent from <paramref name="peer"/>, with extra headers (X-Forwarded-For, Authorization...).</summary>
    public static Task<HttpResponseMessage> GetFromAsync(this HttpClient client, string url, string peer, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(TestPeer.Header, peer);
        foreach (var (name, value) in headers)
            request.Headers.TryAddWithoutValidation(name, value);
        return client.SendAsync(request);
    }
}
