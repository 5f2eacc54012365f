using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>HEAD on every GET of the document: the GET's status and headers, no body.</summary>
public sealed class HeadRequestTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    [Fact]
    public async Task Every_get_answers_head_with_its_status_and_headers_and_no_body()
    {
        var admin = api.CreateAdminClient();
        var world = await OperationWalk.PublishedWorldAsync(admin);
        var failures = new List<string>();

        foreach (var operation in (await OperationWalk.OperationsAsync(admin)).Where(o => o.Method == HttpMethod.Get))
        {
            var get = await admin.SendAsync(OperationWalk.Request(operation, world));
            var headRequest = OperationWalk.Request(operation, world);
            headRequest.Method = HttpMethod.Head;
            var head = await admin.SendAsync(headRequest);
            var body = await head.Content.ReadAsByteArrayAsync();

            if (head.StatusCode != get.StatusCode)
                failures.Add($"{operation.Id}: HEAD {(int)head.StatusCode}, GET {(int)get.StatusCode}");
            if (body.Length != 0)
                failures.Add($"{operation.Id}: HEAD sent {body.Length} bytes");
            if (head.Content.Headers.ContentType?.MediaType != get.Content.Headers.ContentType?.MediaType)
                failures.Add($"{operation.Id}: HEAD content type {head.Content.Headers.ContentType}, GET {get.Content.Headers.ContentType}");
            if (head.Headers.ETag?.Tag != get.Headers.ETag?.Tag)
                failures.Add($"{operation.Id}: HEAD ETag {head.Headers.ETag}, GET {get.Headers.ETag}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_conditional_head_is_304_like_the_get()
    {
        var admin = api.CreateAdminClient();
        var forum = await admin.CreateForumExpectingCreatedAsync(new ForumBuilder());
        var read = await admin.GetAsync($"/api/forums/{forum["id"]}");

        var head = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/api/forums/{forum["id"]}") { Headers = { { "If-None-Match", read.ETag() } } });

        Assert.Equal(HttpStatusCode.NotModified, head.StatusCode);
    }
}
