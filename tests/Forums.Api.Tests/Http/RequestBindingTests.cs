using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using FastEndpoints;
using Forums.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Http;

/// <summary>What comes from the route, the query or a header is bound from there only, never from the JSON body.</summary>
public sealed class RequestBindingTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private const string StaleETag = "\"stale\"";
    private readonly HttpClient client = api.CreateAdminClient();

    [Theory]
    [InlineData("edition", "true", "The value is not a whole number.")]
    [InlineData("requiresApproval", "5", "The value is not true or false.")]
    [InlineData("languages", "\"kk\"", "The value is not an array.")]
    [InlineData("slug", "7", "The value is not a string.")]
    public async Task A_value_of_the_wrong_kind_is_named_with_the_kind_expected(string field, string json, string message)
    {
        var body = JsonNode.Parse(new ForumBuilder().Build().ToJsonString())!.AsObject();
        body[field] = JsonNode.Parse(json);

        var problem = await (await client.PostJsonAsync("/api/forums", body)).ShouldBeInvalidAsync(field);

        Assert.Equal(message, (string)problem["errors"]![field]![0]!);
    }

    [Fact]
    public async Task An_ifMatch_in_the_body_is_400_naming_it_and_changes_nothing()
    {
        var forum = new ForumBuilder();
        var id = (string)(await client.CreateForumExpectingCreatedAsync(forum))["id"]!;

        var response = await client.PutJsonAsync($"/api/forums/{id}", forum.With("capacity", 40).With("ifMatch", StaleETag).Build());

        var problem = await response.ShouldBeInvalidAsync("ifMatch");
        Assert.Contains("If-Match header", (string)problem["errors"]!["ifMatch"]![0]!);
        Assert.Null((await client.GetForumExpectingOkAsync(id)).Forum["capacity"]);
    }

    [Fact]
    public async Task An_ifMatch_in_the_body_never_stands_in_for_the_header()
    {
        var forum = new ForumBuilder();
        var id = (string)(await client.CreateForumExpectingCreatedAsync(forum))["id"]!;
        var (_, etag) = await client.GetForumExpectingOkAsync(id);

        var stale = await client.PutJsonAsync($"/api/forums/{id}", forum.With("capacity", 10).With("ifMatch", etag).Build(), ("If-Match", StaleETag));
        var current = await client.PutJsonAsync($"/api/forums/{id}", forum.With("capacity", 20).Without("ifMatch").Build(), ("If-Match", etag));

        await stale.ShouldBeInvalidAsync("ifMatch");
        Assert.Equal(20, (int)(await current.ShouldBeAsync(HttpStatusCode.OK))["capacity"]!);
    }

    [Fact]
    public async Task A_bodiless_action_refuses_an_ifMatch_in_a_body_and_does_nothing()
    {
        var id = await client.CreateForumWithCapacityExpectingCreatedAsync(null);

        var published = await client.PostJsonAsync($"/api/forums/{id}/publish", new JsonObject { ["ifMatch"] = StaleETag });

        await published.ShouldBeInvalidAsync("ifMatch");
        Assert.Equal("draft", (string)(await client.GetForumExpectingOkAsync(id)).Forum["status"]!);
        // An empty object is no body at all.
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync($"/api/forums/{id}/publish", new JsonObject())).StatusCode);
    }

    [Fact]
    public async Task Form_data_is_refused_and_sets_nothing()
    {
        var id = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var fields = new Dictionary<string, string> { ["ifMatch"] = StaleETag, ["forumId"] = Guid.NewGuid().ToString() };

        var publish = await client.PostAsync($"/api/forums/{id}/publish", new FormUrlEncodedContent(fields));
        var archive = await client.PostAsync($"/api/forums/{id}/archive", new MultipartFormDataContent { { new StringContent(StaleETag), "ifMatch" } });
        var update = await client.PutAsync($"/api/forums/{id}", new FormUrlEncodedContent(fields));

        await publish.ShouldBeInvalidAsync("Content-Type");
        await archive.ShouldBeInvalidAsync("Content-Type");
        await update.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("draft", (string)(await client.GetForumExpectingOkAsync(id)).Forum["status"]!);
    }

    [Fact]
    public async Task A_delete_refuses_an_ifMatch_in_a_body_and_deletes_nothing()
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = (string)(await client.CreateDelegationExpectingCreatedAsync(forumId))["id"]!;

        var response = await client.SendJsonAsync(HttpMethod.Delete, $"/api/forums/{forumId}/delegations/{delegation}", new JsonObject { ["ifMatch"] = StaleETag });

        await response.ShouldBeInvalidAsync("ifMatch");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/forums/{forumId}/delegations/{delegation}")).StatusCode);
    }

    [Fact]
    public async Task Another_forum_s_forumId_in_the_body_is_400_naming_it_and_moves_nothing()
    {
        var (forumA, forumB) = (await client.CreateForumWithCapacityExpectingCreatedAsync(null), await client.CreateForumWithCapacityExpectingCreatedAsync(null));

        var delegation = await client.PostJsonAsync($"/api/forums/{forumA}/delegations", new DelegationBuilder().With("forumId", forumB).Build());
        var registered = await client.RegisterExpectingCreatedAsync(forumA);
        var moved = await client.PutJsonAsync($"/api/forums/{forumA}/delegates/{registered["id"]}", new DelegateBuilder().With("forumId", forumB).Build(),
            ("If-Match", (await client.GetAsync($"/api/forums/{forumA}/delegates/{registered["id"]}")).ETag()));

        Assert.Contains("URL", (string)(await delegation.ShouldBeInvalidAsync("forumId"))["errors"]!["forumId"]![0]!);
        await moved.ShouldBeInvalidAsync("forumId");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/forums/{forumB}/delegates/{registered["id"]}")).StatusCode);
        Assert.Empty((await (await client.GetAsync($"/api/forums/{forumA}/delegations")).ShouldBeAsync(HttpStatusCode.OK))["items"]!.AsArray());
        Assert.Empty((await (await client.GetAsync($"/api/forums/{forumB}/delegations")).ShouldBeAsync(HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task Query_parameters_in_a_body_sent_with_a_GET_are_400_naming_them()
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        await client.RegisterExpectingCreatedAsync(forumId);

        var page = await client.SendJsonAsync(HttpMethod.Get, $"/api/forums/{forumId}/delegates", new JsonObject { ["limit"] = 1, ["status"] = "cancelled" });

        var problem = await page.ShouldBeInvalidAsync("limit", "status");
        Assert.Contains("query parameter", (string)problem["errors"]!["status"]![0]!);
    }

    [Fact]
    public async Task A_query_parameter_the_operation_does_not_declare_is_400_and_changes_nothing()
    {
        var forum = new ForumBuilder();
        var id = (string)(await client.CreateForumExpectingCreatedAsync(forum))["id"]!;
        var (_, etag) = await client.GetForumExpectingOkAsync(id);

        var response = await client.PutJsonAsync($"/api/forums/{id}?capacity=77&slug=query-slug", forum.With("capacity", 10).Build(), ("If-Match", etag));

        await response.ShouldBeInvalidAsync("capacity", "slug");
        var (read, _) = await client.GetForumExpectingOkAsync(id);
        Assert.Null(read["capacity"]);
    }

    [Fact]
    public async Task If_Match_is_not_taken_from_the_query_string()
    {
        var forum = new ForumBuilder();
        var id = (string)(await client.CreateForumExpectingCreatedAsync(forum))["id"]!;

        var put = await client.PutJsonAsync($"/api/forums/{id}?ifMatch=%22stale%22", forum.With("capacity", 5).Build());
        var publish = await client.SendJsonAsync(HttpMethod.Post, $"/api/forums/{id}/publish?IfMatch=%22stale%22", null);

        await put.ShouldBeInvalidAsync("ifMatch");
        await publish.ShouldBeInvalidAsync("IfMatch");
        Assert.Equal("draft", (string)(await client.GetForumExpectingOkAsync(id)).Forum["status"]!);
    }

    [Fact]
    public async Task The_route_s_forumId_is_not_replaced_by_one_in_the_query_string()
    {
        var (forumA, forumB) = (await client.CreateForumWithCapacityExpectingCreatedAsync(null), await client.CreateForumWithCapacityExpectingCreatedAsync(null));

        var response = await client.PostJsonAsync($"/api/forums/{forumA}/delegations?forumId={forumB}", new DelegationBuilder().Build());

        await response.ShouldBeInvalidAsync("forumId");
        Assert.Empty((await (await client.GetAsync($"/api/forums/{forumB}/delegations")).ShouldBeAsync(HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task Declared_query_parameters_still_bind_in_any_case()
    {
        var forumId = await client.CreateForumWithCapacityExpectingCreatedAsync(null);
        await client.RegisterExpectingCreatedAsync(forumId);
        await client.RegisterExpectingCreatedAsync(forumId);

        var page = await client.GetAsync($"/api/forums/{forumId}/delegates?LIMIT=1&status=confirmed");

        Assert.Single((await page.ShouldBeAsync(HttpStatusCode.OK))["items"]!.AsArray());
    }

    // The root of the class: any property of a request DTO that is not body is marked with where it comes from, and the JSON
    // reader does not see marked properties. A route parameter without [RouteParam], or an unmarked property of a GET or DELETE,
    // would be readable from a body again.
    [Fact]
    public void Every_request_property_that_is_not_body_is_marked_with_where_it_comes_from()
    {
        var unmarked = new List<string>();
        foreach (var endpoint in api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<EndpointDefinition>() is not { } definition || definition.ReqDtoType == typeof(EmptyRequest))
                continue;
            var properties = definition.ReqDtoType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
            var hasBody = definition.Verbs.Any(v => v is "POST" or "PUT" or "PATCH");
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                var property = properties.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (property?.GetCustomAttribute<RouteParamAttribute>() is null)
                    unmarked.Add($"{endpoint.RoutePattern.RawText}: {definition.ReqDtoType.Name}.{parameter.Name} is not [RouteParam]");
            }
            if (!hasBody)
                unmarked.AddRange(properties.Where(p => !IsMarked(p)).Select(p => $"{endpoint.RoutePattern.RawText}: {definition.ReqDtoType.Name}.{p.Name} is unmarked"));
        }

        Assert.Empty(unmarked.Distinct());
    }

    [Fact]
    public async Task No_request_body_schema_describes_a_route_query_or_header_parameter()
    {
        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);
        var schemas = document["components"]!["schemas"]!.AsObject();
        var leaks = new List<string>();
        foreach (var (path, operations) in document["paths"]!.AsObject())
        {
            foreach (var (_, operation) in operations!.AsObject())
            {
                var reference = (string?)operation!["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"];
                if (reference is null)
                    continue;
                var body = schemas[reference.Split('/')[^1]]!["properties"]!.AsObject();
                var parameters = operation["parameters"]?.AsArray().Select(p => (string)p!["name"]!) ?? [];
                leaks.AddRange(parameters.Append("ifMatch").Where(p => body.Any(b => string.Equals(b.Key, p.Replace("-", ""), StringComparison.OrdinalIgnoreCase)))
                    .Select(p => $"{operation["operationId"]}: {p}"));
            }
        }

        Assert.Empty(leaks);
    }

    private static bool IsMarked(PropertyInfo property) =>
        property.GetCustomAttribute<RouteParamAttribute>() is not null || property.GetCustomAttribute<QueryParamAttribute>() is not null
        || property.GetCustomAttribute<FromHeaderAttribute>() is not null || property.GetCustomAttribute<FromClaimAttribute>() is not null;
}
