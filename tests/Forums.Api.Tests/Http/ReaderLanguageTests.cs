using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Http;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Http;

/// <summary>
/// Accept-Language (RFC 9110 §12.5.4) and ?lang= choose the language of the agenda, the exports, the badge and the
/// problems' title and detail; the answer names it (Content-Language) and says it varies with Accept-Language (Vary).
/// The seed forum writes in Kazakh and English.
/// </summary>
public sealed class ReaderLanguageTests(SeededForumsApiFactory api) : IClassFixture<SeededForumsApiFactory>
{
    private const string SeedForum = "/api/forums/019ac7e1-5f00-7000-8000-000000000001";
    private const string Akim = "019ac7e1-5f00-7000-8000-000000000201";

    private async Task<HttpResponseMessage> GetAsync(string url, string? acceptLanguage, bool admin = false)
    {
        var client = admin ? api.CreateAdminClient() : api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        return await client.SendAsync(request);
    }

    private static void AssertLanguage(HttpResponseMessage response, string? language)
    {
        Assert.Equal(language is null ? [] : [language], response.Content.Headers.ContentLanguage);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("ru", "ru", "Не найдено", "Не найдено. Проверьте идентификатор и токен; найдите ресурс в списке коллекции.")]
    [InlineData("kk", "kk", "Табылмады", "Табылмады. Идентификатор мен токенді тексеріңіз; ресурсты жинақ тізімінен іздеңіз.")]
    [InlineData("ru-RU, en;q=0.5", "ru", "Не найдено", null)]
    [InlineData("fr, kk;q=0.4, ru;q=0.9", "ru", "Не найдено", null)]
    [InlineData("de, fr", "en", "Not Found", null)]
    [InlineData(null, "en", "Not Found", null)]
    [InlineData("ru;q=0, kk;q=0.1", "kk", "Табылмады", null)]
    public async Task A_problem_is_written_in_the_language_the_reader_asks_for(string? acceptLanguage, string language, string title, string? detail)
    {
        var response = await GetAsync($"{SeedForum}/sessions/{Guid.NewGuid()}", acceptLanguage);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(title, (string)problem["title"]!);
        if (detail is not null)
            Assert.Equal(detail, (string)problem["detail"]!);
        AssertLanguage(response, language);
    }

    [Fact]
    public async Task A_patch_of_nothing_is_answered_in_the_language_of_the_patch()
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{SeedForum}/delegates/{Guid.NewGuid()}")
        {
            Content = new StringContent("""{"phone": null}""", System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", "ru");

        var response = await api.CreateAdminClient().SendAsync(request);

        Assert.Equal("Не найдено", (string)(await response.ShouldBeProblemAsync(HttpStatusCode.NotFound))["title"]!);
        AssertLanguage(response, "ru");
    }

    [Fact]
    public async Task A_validation_problem_and_the_validators_own_messages_follow_the_language()
    {
        var client = api.CreateAdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{SeedForum}/check-ins")
        {
            Content = new StringContent("""{"accreditationCode": "K7QM-3XZP-9R2T-H4WD", "nonce": ""}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", "kk");

        var response = await client.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Бір немесе бірнеше өріс қате толтырылған.", (string)problem["title"]!);
        Assert.Equal("errors қараңыз: әр кілт өрісті сұрауда жазылғандай атайды.", (string)problem["detail"]!);
        // FluentValidation's own Kazakh message for an empty value.
        Assert.Equal("'nonce' толтырылуы керек.", (string)problem["errors"]!["nonce"]![0]!);
        AssertLanguage(response, "kk");
    }

    /// <summary>
    /// Most requests state no language and are passed on without setting one; a language one request asked for must not
    /// stay with the connection (Kestrel serves a keep-alive connection's requests in one flow) for the next one.
    /// </summary>
    [Fact]
    public async Task A_language_asked_for_once_does_not_stay_with_the_connection()
    {
        var folder = ForumsApiFactory.NewDataFolder();
        try
        {
            await using var process = await ApiProcess.StartAsync(folder);
            using var client = process.AdminClient();
            var messages = new List<string>();
            foreach (var language in new[] { "kk", null, "ru", null, null, "kk", null })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tokens")
                {
                    Content = new StringContent("""{"name": "", "role": "admin"}""", System.Text.Encoding.UTF8, "application/json"),
                };
                if (language is not null)
                    request.Headers.TryAddWithoutValidation("Accept-Language", language);
                var problem = await (await client.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
                messages.Add((string)problem["errors"]!["name"]![0]!);
            }

            Assert.Equal(["'name' толтырылуы керек.", "'name' must not be empty.", "'name' должно быть заполнено.", "'name' must not be empty.",
                "'name' must not be empty.", "'name' толтырылуы керек.", "'name' must not be empty."], messages);
        }
        finally
        {
            ForumsApiFactory.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task A_conflict_names_its_particulars_in_members_whatever_the_language()
    {
        var response = await GetAsync($"{SeedForum}/schedule.json", "ru");

        var problem = await response.ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "dates-required");
        Assert.Equal("Конфликт", (string)problem["title"]!);
        Assert.StartsWith("У форума ещё нет дат.", (string)problem["detail"]!);
        AssertLanguage(response, "ru");
    }

    [Fact]
    public async Task Every_problem_type_has_its_Kazakh_and_Russian_texts()
    {
        var missing = ProblemTypes.All.Where(t => ProblemTexts.Detail(t, t.Status, "ru") is null || ProblemTexts.Detail(t, t.Status, "kk") is null
                                                  || ProblemTexts.Title(t.Status, "ru") is null || ProblemTexts.Title(t.Status, "kk") is null);
        Assert.Empty(missing.Select(t => t.Name));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task The_agenda_shows_every_language_unless_the_reader_asks_for_one()
    {
        var all = await GetAsync($"{SeedForum}/agenda", null);
        var kazakh = await GetAsync($"{SeedForum}/agenda", "kk, en;q=0.5");
        var overridden = await GetAsync($"{SeedForum}/agenda?lang=en", "kk");
        var unknown = await GetAsync($"{SeedForum}/agenda", "ru");

        Assert.Equal(["kk", "en"], Titles(await all.ShouldBeAsync(HttpStatusCode.OK)).SelectMany(t => t.Select(p => p.Key)).Distinct());
        AssertLanguage(all, null);
        Assert.All(Titles(await kazakh.ShouldBeAsync(HttpStatusCode.OK)), t => Assert.Equal("kk", Assert.Single(t).Key));
        AssertLanguage(kazakh, "kk");
        Assert.All(Titles(await overridden.ShouldBeAsync(HttpStatusCode.OK)), t => Assert.Equal("en", Assert.Single(t).Key));
        AssertLanguage(overridden, "en");
        // The forum writes no Russian: English, which it writes, is what the reader gets and is told.
        Assert.All(Titles(await unknown.ShouldBeAsync(HttpStatusCode.OK)), t => Assert.Equal("en", Assert.Single(t).Key));
        AssertLanguage(unknown, "en");
    }

    [Theory]
    [InlineData("?lang=ko", null, "en")]
    [InlineData("?lang=KK", null, "kk")]
    [InlineData("?lang=kk-KZ", "en", "kk")]
    [InlineData("?lang=ru", "kk", "en")]
    public async Task Lang_overrides_Accept_Language_and_names_only_a_language_the_answer_is_in(string query, string? acceptLanguage, string language)
    {
        var response = await GetAsync($"{SeedForum}/agenda{query}", acceptLanguage);

        Assert.All(Titles(await response.ShouldBeAsync(HttpStatusCode.OK)), t => Assert.Equal(language, Assert.Single(t).Key));
        AssertLanguage(response, language);
    }

    private static IEnumerable<JsonObject> Titles(JsonObject agenda) =>
        agenda["unscheduled"]!.AsArray().Select(s => s!["title"]!.AsObject());

    [Theory]
    [InlineData("kk", "kk", "X-WR-CALNAME:Орталық Азия")]
    [InlineData("ru", "en", "X-WR-CALNAME:Central Asia – Korea II Cooperation Forum")]
    [InlineData(null, "en", "X-WR-CALNAME:Central Asia – Korea II Cooperation Forum")]
    public async Task The_calendar_is_written_in_the_readers_language(string? acceptLanguage, string language, string line)
    {
        var response = await GetAsync($"{SeedForum}/programme.ics", acceptLanguage);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(line, await response.Content.ReadAsStringAsync());
        AssertLanguage(response, language);
    }

    [Fact]
    public async Task The_badge_is_cut_to_the_readers_language()
    {
        var kazakh = await (await GetAsync($"{SeedForum}/delegates/{Akim}/badge", "kk", admin: true)).ShouldBeAsync(HttpStatusCode.OK);
        var every = await GetAsync($"{SeedForum}/delegates/{Akim}/badge", null, admin: true);

        Assert.Equal("""{"kk":"Түркістан облысының әкімі"}""", kazakh["position"]!.ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal(2, (await every.ShouldBeAsync(HttpStatusCode.OK))["forumTitle"]!.AsObject().Count);
        AssertLanguage(every, null);
    }

    [Theory]
    [InlineData("ru-RU", new[] { "en", "ru", "kk" }, "ru")]
    [InlineData("en", new[] { "kk", "en-GB" }, "en-GB")]
    [InlineData("zh-Hant-TW", new[] { "zh-Hant", "zh" }, "zh-Hant")]
    [InlineData("*", new[] { "kk", "en" }, "kk")]
    [InlineData("fr", new[] { "kk", "en" }, null)]
    public void A_range_finds_a_tag_as_RFC_4647_lookup_and_basic_filtering_do(string range, string[] available, string? chosen) =>
        Assert.Equal(chosen, ReaderLanguages.Choose([range], available));

    [Theory]
    [InlineData("kk;q=0.5, ru, en;q=0.9", new[] { "ru", "en", "kk" })]
    [InlineData("ru;q=0, en", new[] { "en" })]
    [InlineData("да, en-, kk-KZ-x-toolongsubtag", new string[0])]
    public void Ranges_come_in_the_order_of_their_weights(string header, string[] ranges) =>
        Assert.Equal(ranges, ReaderLanguages.Ranges(header));
}
