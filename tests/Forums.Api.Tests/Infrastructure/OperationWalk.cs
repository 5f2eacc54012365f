using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>
/// Every operation of the served OpenAPI document as one request each, its path filled with the ids of a published
/// forum with a programme, people and a token; a body of "{}" (or a two-line CSV) where the operation takes one.
/// For tests that assert what every answer carries, whatever its status.
/// </summary>
public static class OperationWalk
{
    public sealed record Operation(string Id, HttpMethod Method, string Path, string? BodyType);

    public static async Task<List<Operation>> OperationsAsync(HttpClient admin)
    {
        var document = await (await admin.GetAsync("/swagger/v1/swagger.json")).ShouldBeAsync(HttpStatusCode.OK);
        return document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(o => new Operation(
            (string)o.Value!["operationId"]!,
            new HttpMethod(o.Key.ToUpperInvariant()),
            path.Key,
            o.Value["requestBody"]?["content"]?.AsObject().Select(c => c.Key).First()))).ToList();
    }

    /// <summary>A new published forum with dates, a scheduled session with its speaker, a delegate in a delegation (confirmed: the forum needs no approval), and an organiser token.</summary>
    public static async Task<Dictionary<string, string>> PublishedWorldAsync(HttpClient admin)
    {
        var forum = (string)(await admin.CreateForumExpectingCreatedAsync(new ForumBuilder().With("startDate", "2027-05-20").With("endDate", "2027-05-21")))["id"]!;
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum))["id"]!;
        var delegate_ = (string)(await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", delegation)))["id"]!;
        var speaker = (string)(await admin.CreateSpeakerExpectingCreatedAsync(forum))["id"]!;
        var session = (string)(await admin.CreateSessionExpectingCreatedAsync(forum, new SessionBuilder().At("2027-05-20T10:00:00+05:00", "2027-05-20T11:00:00+05:00", "Hall A")))["id"]!;
        await (await admin.AssignAsync(forum, session, speaker)).ShouldBeAsync(HttpStatusCode.OK);
        var (tokenId, _) = await admin.CreateOrganiserTokenExpectingCreatedAsync(forum);
        var published = await admin.PublishForumExpectingOkAsync(forum);
        return new Dictionary<string, string>
        {
            ["forumId"] = forum, ["slug"] = (string)published["slug"]!, ["delegationId"] = delegation, ["delegateId"] = delegate_,
            ["speakerId"] = speaker, ["sessionId"] = session, ["tokenId"] = tokenId, ["problemType"] = "room-clash",
        };
    }

    public static HttpRequestMessage Request(Operation operation, IReadOnlyDictionary<string, string> world, string origin = "")
    {
        var path = world.Aggregate(operation.Path, (p, id) => p.Replace($"{{{id.Key}}}", id.Value));
        var request = new HttpRequestMessage(operation.Method, origin + path);
        if (operation.BodyType == "text/csv")
            request.Content = new StringContent(CsvFiles.File(2, i => CsvFiles.Row(i, email: $"{Guid.NewGuid():N}@example.kz")), Encoding.UTF8, "text/csv");
        else if (operation.BodyType is not null)
            request.Content = new StringContent("{}", Encoding.UTF8, operation.BodyType);
        return request;
    }
}
