// The main flows through the C# client NSwag generated from the OpenAPI document (Forum.NSwagClient, obj/generated/):
// nothing here but calls a frontend would make, and a check of what each answers. One line per step; exit code 1 on
// any failure.
using System.Net.Http.Headers;
using System.Text;
using Forum.ClientWalks;
using Forum.NSwagClient;
using static Forum.ClientWalks.Walk;

var (baseUrl, adminToken) = Arguments(args);
using var anonymousHttp = new HttpClient { BaseAddress = baseUrl };
using var adminHttp = new HttpClient { BaseAddress = baseUrl };
adminHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
var anonymous = new ForumApiClient(anonymousHttp);
var admin = new ForumApiClient(adminHttp);
var walk = new Walk("nswag");
const string seedSlug = "central-asia-korea-ii";

await walk.Step("list published forums in KZ: the seed forum is there", async () =>
{
    var page = (await anonymous.ListForumsAsync(limit: 20, cursor: null, status: ForumStatus.Published, country: "KZ", q: null)).Result;
    Expect(page.Items.Any(f => f.Slug == seedSlug), $"slugs: {string.Join(", ", page.Items.Select(f => f.Slug))}");
    return page;
});

await walk.Step("the seed forum by its slug, with its Kazakh title and an ETag", async () =>
{
    var answer = await anonymous.GetForumBySlugAsync(seedSlug, if_None_Match: null);
    var forum = answer.Result;
    Expect(forum.Status == ForumStatus.Published && forum.Title.GetValueOrDefault("kk") == "Орталық Азия – Корея ІІ ынтымақтастық форумы",
        $"{forum.Status}, {forum.Title.GetValueOrDefault("kk")}");
    Expect(answer.Headers.ContainsKey("ETag"), "no ETag");
    return forum;
});

var forum = await walk.Step("create a forum (admin token, Idempotency-Key): a draft", async () =>
{
    var body = new CreateForumRequest
    {
        Slug = $"nswag-walk-{RunId}",
        Title = new LanguageMap { ["en"] = "NSwag client forum", ["kk"] = "Форум" },
        City = new LanguageMap { ["en"] = "Turkistan" },
        Country = "KZ",
        TimeZone = "Asia/Almaty",
        StartDate = new DateOnly(2027, 5, 20),
        EndDate = new DateOnly(2027, 5, 21),
        Capacity = 100,
    };
    var created = (await admin.CreateForumAsync(Guid.NewGuid().ToString(), body)).Result;
    Expect(created.Status == ForumStatus.Draft && created.Slug == body.Slug && created.StartDate == body.StartDate && created.EndDate == body.EndDate,
        $"{created.Status} {created.Slug} {created.StartDate}–{created.EndDate}");
    return created;
});

var delegation = await walk.Step("create a delegation", async () =>
{
    var body = new CreateDelegationRequest
    {
        Name = new LanguageMap { ["kk"] = "Түркістан облысы", ["en"] = "Turkistan region" },
        Kind = DelegationKind.Region,
        Country = "KZ",
    };
    var created = (await admin.CreateDelegationAsync(forum!.Id, idempotency_Key: null, body)).Result;
    Expect(created.Kind == DelegationKind.Region && created.ForumId == forum.Id, $"{created.Kind} in {created.ForumId}");
    return created;
});

var email = $"aigerim-{RunId}@nswag.example.kz";
var registered = await walk.Step("register a delegate in the delegation: confirmed, with an ETag", async () =>
{
    var answer = await admin.RegisterDelegateAsync(forum!.Id, idempotency_Key: null,
        new RegisterDelegateRequest { Name = "Айгерім Сейітова", Email = email, DelegationId = delegation!.Id });
    Expect(answer.StatusCode == 201 && answer.Result.Status == RegistrationStatus.Confirmed && answer.Result.DelegationId == delegation.Id,
        $"{answer.StatusCode} {answer.Result.Status} {answer.Result.DelegationId}");
    Expect(answer.Headers.TryGetValue("ETag", out var etag) && etag.Any(), "no ETag");
    return (Delegate: answer.Result, ETag: answer.Headers["ETag"].First());
});

await walk.Step("PATCH the delegate (application/merge-patch+json, If-Match): what is sent changes, the rest stays", async () =>
{
    var (registeredDelegate, etag) = registered;
    var patch = new PatchDelegateRequest
    {
        NameLatin = "Aigerim Seiitova",
        Phone = "+7 700 000 0001",
        Needs = new DelegateNeedsRequest { Diet = "halal" },
    };
    var answer = await admin.PatchDelegateAsync(forumId: forum!.Id, delegateId: registeredDelegate!.Id, if_Match: etag, body: patch);
    var patched = answer.Result;
    Expect(patched.NameLatin == "Aigerim Seiitova" && patched.Phone == "+7 700 000 0001" && patched.Needs.Diet == "halal",
        $"nameLatin {patched.NameLatin}, phone {patched.Phone}, diet {patched.Needs.Diet}");
    Expect(patched.Name == "Айгерім Сейітова" && patched.Email == email && patched.DelegationId == delegation!.Id
           && patched.Status == RegistrationStatus.Confirmed, $"kept: {patched.Name}, {patched.Email}, {patched.DelegationId}, {patched.Status}");
    Expect(answer.Headers["ETag"].First() != etag, "the ETag did not change");
    return patched;
});

await walk.Step("a second registration with the same e-mail: a typed 409, told apart by its problem type email-taken", async () =>
{
    try
    {
        await admin.RegisterDelegateAsync(forum!.Id, idempotency_Key: null, new RegisterDelegateRequest { Name = "Another", Email = email.ToUpperInvariant() });
    }
    catch (ForumApiException<ProblemDetails> e) when (e.StatusCode == 409)
    {
        var problem = e.Result;
        switch (problem.Type[(problem.Type.LastIndexOf('/') + 1)..])
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
    using var file = await admin.GetBadgeQrCodeAsync(forum!.Id, registered.Delegate!.Id);
    using var bytes = new MemoryStream();
    await file.Stream.CopyToAsync(bytes);
    Expect(bytes.Length > 8 && bytes.GetBuffer().AsSpan(0, 8).SequenceEqual(PngSignature), $"{bytes.Length} bytes, not a PNG");
    Expect(file.Headers.TryGetValue("Content-Type", out var type) && type.First() == "image/png", "Content-Type is not image/png");
    return file.StatusCode;
});

await walk.Step("download the forum's programme.ics: iCalendar, with the forum's days as an all-day event", async () =>
{
    using var file = await admin.ExportCalendarAsync(forum!.Id, lang: null, if_None_Match: null, accept_Language: "ru, en;q=0.5");
    Expect(file.Headers.ContainsKey("Content-Language"), "no Content-Language: the calendar does not say which language it is in");
    using var reader = new StreamReader(file.Stream, Encoding.UTF8);
    var text = await reader.ReadToEndAsync();
    Expect(text.StartsWith("BEGIN:VCALENDAR\r\n", StringComparison.Ordinal) && text.EndsWith("END:VCALENDAR\r\n", StringComparison.Ordinal)
           && text.Contains("\r\nDTSTART;VALUE=DATE:20270520\r\n", StringComparison.Ordinal), text.Length > 60 ? text[..60] : text);
    return text.Length;
});

await walk.Step("upload a CSV to delegates/import (text/csv): the typed result counts its rows", async () =>
{
    using var csv = new MemoryStream(Encoding.UTF8.GetBytes(ImportCsv("nswag")));
    var result = (await admin.ImportDelegatesAsync(forum!.Id, validateOnly: false, csv)).Result;
    Expect(result is { ValidateOnly: false, Rows: 2, Confirmed: 2, Pending: 0, Waitlisted: 0 }
           && result.DelegationsCreated.SequenceEqual(["Delegation of the Republic of Korea"]),
        $"rows {result.Rows}, confirmed {result.Confirmed}, created [{string.Join(", ", result.DelegationsCreated)}]");
    return result;
});

return walk.End();
