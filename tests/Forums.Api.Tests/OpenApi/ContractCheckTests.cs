using System.Net;
using System.Text;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.OpenApi;

/// <summary>The check every test's answers pass through finds each kind of break it is there to find.</summary>
public sealed class ContractCheckTests
{
    private const string Forum = "/api/forums/0193a1b2-0000-7000-8000-000000000001";

    private static Task<List<string>> Check(string method, string path, HttpStatusCode status, string? json = null, params (string, string)[] headers)
    {
        var response = new HttpResponseMessage(status)
        {
            Content = json is null ? new ByteArrayContent([]) : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        foreach (var (name, value) in headers)
            if (!response.Headers.TryAddWithoutValidation(name, value))
                response.Content.Headers.TryAddWithoutValidation(name, value);
        return ContractCheck.ViolationsAsync(new HttpRequestMessage(new HttpMethod(method), "http://localhost" + path), response);
    }

    [Fact]
    public async Task A_status_the_operation_does_not_document_is_a_violation() =>
        Assert.Contains("getForum 418: the status is not documented", Assert.Single(await Check("GET", Forum, (HttpStatusCode)418)));

    [Fact]
    public async Task A_body_that_breaks_its_schema_is_a_violation() =>
        Assert.Contains(await Check("GET", Forum, HttpStatusCode.OK, """{"id": 5}""", ("ETag", "\"1\"")), v => v.StartsWith("getForum 200: body"));

    [Fact]
    public async Task A_content_type_the_answer_does_not_list_is_a_violation()
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("x", Encoding.UTF8, "text/html") };
        response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue("\"1\"");

        var violations = await ContractCheck.ViolationsAsync(new HttpRequestMessage(HttpMethod.Get, "http://localhost" + Forum), response);

        Assert.Contains("getForum 200: content type text/html is not one of application/json", Assert.Single(violations));
    }

    [Fact]
    public async Task A_header_sent_but_not_declared_is_a_violation() =>
        Assert.Contains("deleteForum 204: sends Retry-After, which the document does not declare",
            Assert.Single(await Check("DELETE", Forum, HttpStatusCode.NoContent, null, ("Retry-After", "5"))));

    [Fact]
    public async Task A_header_declared_as_always_sent_but_missing_is_a_violation() =>
        Assert.Contains("createForum 201: the document says Location is always sent; it was not",
            await Check("POST", "/api/forums", HttpStatusCode.Created, null, ("ETag", "\"1\"")));

    [Fact]
    public async Task A_problem_type_the_response_does_not_list_is_a_violation()
    {
        static async Task<List<string>> Answer(string type)
        {
            var body = $$"""{"type": "{{type}}", "title": "Not Found", "status": 404, "instance": "/api/forums/x", "traceId": "00-t"}""";
            var response = new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json") };
            response.Content.Headers.ContentLanguage.Add("en");
            return await ContractCheck.ViolationsAsync(new HttpRequestMessage(HttpMethod.Get, "http://localhost" + Forum), response);
        }

        Assert.Empty(await Answer(Forums.Api.Http.ProblemTypeUris.DefaultBase + "not-found"));
        Assert.Contains($"getForum 404: the problem type {Forums.Api.Http.ProblemTypeUris.DefaultBase}room-clash is not one the document lists",
            Assert.Single(await Answer(Forums.Api.Http.ProblemTypeUris.DefaultBase + "room-clash")));
        Assert.Contains("getForum 404: the problem type https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5 is not one",
            Assert.Single(await Answer("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5")));
    }

    [Fact]
    public async Task A_literal_path_is_matched_before_a_parameter_and_an_unknown_route_is_left_alone()
    {
        Assert.Contains("exportDelegates 418", Assert.Single(await Check("GET", Forum + "/delegates/export", (HttpStatusCode)418)));
        Assert.Empty(await Check("GET", "/api/no-such-route", (HttpStatusCode)418));
    }
}
