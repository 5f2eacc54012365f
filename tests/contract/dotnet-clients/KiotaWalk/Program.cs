// The main flows through the C# client Kiota generated from the OpenAPI document (Forum.KiotaClient, obj/generated/):
// nothing here but calls a frontend would make, and a check of what each answers. One line per step; exit code 1 on
// any failure.
using System.Text;
using Forum.ClientWalks;
using Forum.KiotaClient;
using Forum.KiotaClient.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using static Forum.ClientWalks.Walk;

var (baseUrl, adminToken) = Arguments(args);
var root = baseUrl.ToString().TrimEnd('/');
using var anonymousAdapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider()) { BaseUrl = root };
using var adminAdapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new StaticToken(adminToken))) { BaseUrl = root };
var anonymous = new ForumApiClient(anonymousAdapter);
var admin = new ForumApiClient(adminAdapter);
// Kiota's exceptions carry the status and the parsed problem, not a message.
var walk = new Walk("kiota", e => e switch
{
    ProblemDetails p => $"{p.ResponseStatusCode} {p.Type}: {p.Detail}",
    ValidationProblem v => $"{v.ResponseStatusCode} {v.Type}: {string.Join("; ", v.Errors?.AdditionalData.Select(x => $"{x.Key}: {x.Value}") ?? [])}",
    ApiException a => $"{a.ResponseStatusCode}: {a.Message}",
    _ => null,
});
const string seedSlug = "central-asia-korea-ii";

await walk.Step("list published forums in KZ: the seed forum is there", async () =>
{
    var page = Answer(await anonymous.Api.Forums.GetAsync(c =>
    {
        c.QueryParameters.Status = ForumStatus.Published;
        c.QueryParameters.Country = "KZ";
        c.QueryParameters.Limit = 20;
    }));
    Expect(page.Items?.Any(f => f.Slug == seedSlug) == true, $"slugs: {string.Join(", ", page.Items?.Select(f => f.Slug) ?? [])}");
    return page;
});

await walk.Step("the seed forum by its slug, with its Kazakh title and an ETag", async () =>
{
    var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
    var forum = Answer(await anonymous.Api.ForumSlugs[seedSlug].GetAsync(c => c.Options.Add(headers)));
    Expect(forum.Status == ForumStatus.Published && Text(forum.Title, "kk") == "Орталық Азия – Корея ІІ ынтымақтастық форумы",
        $"{forum.Status}, {Text(forum.Title, "kk")}");
    Expect(headers.ResponseHeaders.ContainsKey("ETag"), "no ETag");
    return forum;
});

var forum = await walk.Step("create a forum (admin token, Idempotency-Key): a draft", async () =>
{
    var body = new CreateForumRequest
    {
        Slug = $"kiota-walk-{RunId}",
        Title = Map(("en", "Kiota client forum"), ("kk", "Форум")),
        City = Map(("en", "Turkistan")),
        Country = "KZ",
        TimeZone = "Asia/Almaty",
        StartDate = new Date(2027, 5, 20),
        EndDate = new Date(2027, 5, 21),
        Capacity = 100,
    };
    var created = Answer(await admin.Api.Forums.PostAsync(body, c => c.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString())));
    Expect(created.Status == ForumStatus.Draft && created.Slug == body.Slug
           && created.StartDate?.ToString() == "2027-05-20" && created.EndDate?.ToString() == "2027-05-21",
        $"{created.Status} {created.Slug} {created.StartDate}–{created.EndDate}");
    return created;
});

var delegation = await walk.Step("create a delegation", async () =>
{
    var body = new CreateDelegationRequest
    {
        Name = Map(("kk", "Түркістан облысы"), ("en", "Turkistan region")),
        Kind = DelegationKind.Region,
        Country = "KZ",
    };
    var created = Answer(await admin.Api.Forums[forum!.Id!.Value].Delegations.PostAsync(body));
    Expect(created.Kind == DelegationKind.Region && created.ForumId == forum.Id, $"{created.Kind} in {created.ForumId}");
    return created;
});

var email = $"aigerim-{RunId}@kiota.example.kz";
var registered = await walk.Step("register a delegate in the delegation: confirmed, with an ETag", async () =>
{
    var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
    var created = Answer(await admin.Api.Forums[forum!.Id!.Value].Delegates.PostAsync(
        new RegisterDelegateRequest { Name = "Айгерім Сейітова", Email = email, DelegationId = delegation!.Id },
        c => c.Options.Add(headers)));
    Expect(created.Status == RegistrationStatus.Confirmed && created.DelegationId == delegation.Id, $"{created.Status} {created.DelegationId}");
    Expect(headers.ResponseHeaders.TryGetValue("ETag", out var etag) && etag.Any(), "no ETag");
    return (Delegate: created, ETag: headers.ResponseHeaders["ETag"].First());
});

await walk.Step("PATCH the delegate (application/merge-patch+json, If-Match): what is sent changes, the rest stays", async () =>
{
    var (registeredDelegate, etag) = registered;
    var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
    var patch = new PatchDelegateRequest
    {
        NameLatin = "Aigerim Seiitova",
        Phone = "+7 700 000 0001",
        Needs = new DelegateNeedsRequest { Diet = "halal" },
    };
    var answer = await admin.Api.Forums[forum!.Id!.Value].Delegates[registeredDelegate!.Id!.Value].PatchAsync(patch, c =>
    {
        c.Headers.Add("If-Match", etag);
        c.Options.Add(headers);
    });
    var patched = Answer(answer);
    Expect(patched.NameLatin == "Aigerim Seiitova" && patched.Phone == "+7 700 000 0001" && patched.Needs?.Diet == "halal",
        $"nameLatin {patched.NameLatin}, phone {patched.Phone}, diet {patched.Needs?.Diet}");
    Expect(patched.Name == "Айгерім Сейітова" && patched.Email == email && patched.DelegationId == delegation!.Id
           && patched.Status == RegistrationStatus.Confirmed, $"kept: {patched.Name}, {patched.Email}, {patched.DelegationId}, {patched.Status}");
    Expect(headers.ResponseHeaders["ETag"].First() != etag, "the ETag did not change");
    return patched;
});

await walk.Step("a second registration with the same e-mail: a typed 409, told apart by its problem type email-taken", async () =>
{
    try
    {
        await admin.Api.Forums[forum!.Id!.Value].Delegates.PostAsync(new RegisterDelegateRequest { Name = "Another", Email = email.ToUpperInvariant() });
    }
    catch (ProblemDetails problem) when (problem.ResponseStatusCode == 409)
    {
        switch (problem.Type?[(problem.Type.LastIndexOf('/') + 1)..])
        {
            case "email-taken":
                Expect(problem.Status == 409 && problem.ExistingDelegateId == registered.Delegate!.Id
                       && problem.Existing?.EndsWith($"/delegates/{registered.Delegate.Id}", StringComparison.Ordinal) == true,
                    $"existingDelegateId {problem.ExistingDelegateId}, existing {problem.Existing}");
                return problem;
            default:
                throw new WalkFailure($"409 of another type: {problem.Type}");
        }
    }
    throw new WalkFailure("registered twice");
});

await walk.Step("download the badge's QR code: a PNG", async () =>
{
    var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
    await using var stream = Answer(await admin.Api.Forums[forum!.Id!.Value].Delegates[registered.Delegate!.Id!.Value].Badge.QrPng.GetAsync(c => c.Options.Add(headers)));
    using var bytes = new MemoryStream();
    await stream.CopyToAsync(bytes);
    Expect(bytes.Length > 8 && bytes.GetBuffer().AsSpan(0, 8).SequenceEqual(PngSignature), $"{bytes.Length} bytes, not a PNG");
    Expect(headers.ResponseHeaders.TryGetValue("Content-Type", out var type) && type.First() == "image/png", "Content-Type is not image/png");
    return bytes.Length;
});

await walk.Step("download the forum's programme.ics: iCalendar, with the forum's days as an all-day event", async () =>
{
    await using var stream = Answer(await admin.Api.Forums[forum!.Id!.Value].ProgrammeIcs.GetAsync());
    using var reader = new StreamReader(stream, Encoding.UTF8);
    var text = await reader.ReadToEndAsync();
    Expect(text.StartsWith("BEGIN:VCALENDAR\r\n", StringComparison.Ordinal) && text.EndsWith("END:VCALENDAR\r\n", StringComparison.Ordinal)
           && text.Contains("\r\nDTSTART;VALUE=DATE:20270520\r\n", StringComparison.Ordinal), text.Length > 60 ? text[..60] : text);
    return text.Length;
});

await walk.Step("upload a CSV to delegates/import (text/csv): the typed result counts its rows", async () =>
{
    using var csv = new MemoryStream(Encoding.UTF8.GetBytes(ImportCsv("kiota")));
    var result = Answer(await admin.Api.Forums[forum!.Id!.Value].Delegates.Import.PostAsync(csv, c => c.QueryParameters.ValidateOnly = false));
    Expect(result is { ValidateOnly: false, Rows: 2, Confirmed: 2, Pending: 0, Waitlisted: 0 }
           && result.DelegationsCreated?.SequenceEqual(["Delegation of the Republic of Korea"]) == true,
        $"rows {result.Rows}, confirmed {result.Confirmed}, created [{string.Join(", ", result.DelegationsCreated ?? [])}]");
    return result;
});

return walk.End();

// Kiota types every answer as nullable: one without a body fails the step.
static TBody Answer<TBody>(TBody? answer) where TBody : class => answer ?? throw new WalkFailure("the answer has no body");

// A language map is an object of BCP 47 tags; Kiota keeps its members in AdditionalData.
static LanguageMap Map(params (string Tag, string Text)[] texts) =>
    new() { AdditionalData = texts.ToDictionary(t => t.Tag, t => (object)t.Text) };

static string? Text(LanguageMap? map, string tag) =>
    map?.AdditionalData.TryGetValue(tag, out var text) == true ? text as string : null;

/// <summary>The admin token as Kiota's bearer authentication wants it.</summary>
sealed class StaticToken(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default) => Task.FromResult(token);
}
