using System.Security.Claims;
using System.Text;
using Forums.Api.Http.Idempotency;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Forums.Api.Tests.Http;

/// <summary>
/// A key's scope is stored in a column of 300 ASCII characters (varchar(300) on SQL Server, which refuses more and
/// cannot hold other characters): no route of this API makes a longer or non-ASCII one, so it is proven here directly.
/// </summary>
public sealed class IdempotencyScopeTests
{
    private const string Prefix = "token:t1 createThing forumid=";

    private static string ScopeWith(object? routeValue)
    {
        var context = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "token:t1")], "Bearer")),
        };
        context.Request.RouteValues = new RouteValueDictionary { ["forumId"] = routeValue };
        var endpoint = new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new EndpointNameMetadata("createThing")), "POST things/{forumId}");
        return IdempotencyMiddleware.ScopeOf(context, endpoint);
    }

    [Fact]
    public void A_scope_of_300_ASCII_characters_is_kept_as_written()
    {
        var value = new string('v', 300 - Prefix.Length);

        Assert.Equal(Prefix + value, ScopeWith(value));
    }

    [Fact]
    public void A_longer_scope_is_kept_as_its_hash_and_stays_apart_from_another()
    {
        var (one, other) = (new string('v', 301 - Prefix.Length), new string('w', 301 - Prefix.Length));

        var scope = ScopeWith(one);

        Assert.True(scope.Length <= 300, scope);
        Assert.True(Ascii.IsValid(scope), scope);
        Assert.StartsWith("token:t1 createThing #", scope);
        Assert.Equal(scope, ScopeWith(one));
        Assert.NotEqual(scope, ScopeWith(other));
    }

    [Theory]
    [InlineData("ключ", "кілт")]
    [InlineData("Türkistan", "Turkistan")]
    public void A_non_ASCII_scope_is_kept_as_its_hash_and_stays_apart_from_another(string one, string other)
    {
        var scope = ScopeWith(one);

        Assert.True(Ascii.IsValid(scope), scope);
        Assert.StartsWith("token:t1 createThing #", scope);
        Assert.NotEqual(scope, ScopeWith(other));
    }

    [Fact]
    public void A_route_value_that_is_not_an_id_is_kept_as_written()
    {
        Assert.Equal(Prefix + "slug-one", ScopeWith("slug-one"));
        Assert.NotEqual(ScopeWith("slug-one"), ScopeWith("slug-two"));
    }
}
