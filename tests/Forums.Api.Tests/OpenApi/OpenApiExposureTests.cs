using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.OpenApi;

/// <summary>OpenApi:Enabled decides whether the document and Swagger UI are served: by default everywhere but Production.</summary>
public sealed class OpenApiExposureTests
{
    private static ForumsApiFactory Api(string environment, string? enabled = null)
    {
        var settings = new Dictionary<string, string?> { ["environment"] = environment };
        if (enabled is not null)
            settings["OpenApi:Enabled"] = enabled;
        return new ForumsApiFactory(null, seed: false, settings);
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", null, true)]
    [InlineData("Staging", null, true)]
    [InlineData("Staging", " false\n", false)]
    public async Task The_document_and_swagger_ui_are_served_as_the_setting_and_environment_say(string environment, string? enabled, bool served)
    {
        using var api = Api(environment, enabled);
        var client = api.CreateClient();

        foreach (var url in new[] { "/swagger/v1/swagger.json", "/swagger/index.html" })
        {
            var response = await client.GetAsync(url);
            if (served)
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            else
                await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        await (await client.GetAsync("/api/forums")).ShouldBeAsync(HttpStatusCode.OK);
    }
}
