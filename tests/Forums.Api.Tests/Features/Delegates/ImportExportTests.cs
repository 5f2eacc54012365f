using System.Net;
using System.Text;
using Forums.Api.Domain;
using Forums.Api.Features.Delegates;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Tests.Features.Delegates;

public sealed class ImportExportTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    [Fact]
    public async Task Ten_thousand_rows_import_in_one_request_with_the_capacity_rules()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(9_000);

        var response = await admin.ImportAsync(forum, CsvFiles.File(10_000, i => CsvFiles.Row(i, delegation: i % 2 == 0 ? "Shymkent" : "Turkistan region")), bom: true);

        var summary = await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(10_000, (int)summary["rows"]!);
        Assert.Equal(9_000, (int)summary["confirmed"]!);
        Assert.Equal(1_000, (int)summary["waitlisted"]!);
        Assert.Equal(["Turkistan region", "Shymkent"], summary["delegationsCreated"]!.AsArray().Select(d => (string)d!));
        var (count, taken) = await api.WithDbAsync(async db => (
            await db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum)),
            await db.Forums.Where(f => f.Id == Guid.Parse(forum)).Select(f => f.PlacesTaken).SingleAsync()));
        Assert.Equal(10_000, count);
        Assert.Equal(9_000, taken);
        var first = await (await admin.GetAsync($"/api/forums/{forum}/delegates?q=delegate1%40example.kz")).ShouldBeAsync(HttpStatusCode.OK);
        var one = first["items"]!.AsArray().Single(d => (string)d!["email"]! == "delegate1@example.kz")!;
        Assert.Equal("Әкім орынбасары", (string)one["position"]!["kk"]!);
        Assert.Equal("+7 701 000 0001", (string)one["phone"]!);
        Assert.Equal(["kk", "ru"], one["languages"]!.AsArray().Select(l => (string)l!));
    }

    [Fact]
    public async Task One_bad_row_among_a_thousand_writes_nothing_and_names_its_line_and_column()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var file = CsvFiles.File(1_000, i => i == 637 ? CsvFiles.Row(i).Replace($"delegate{i}@example.kz", "not-an-email") : CsvFiles.Row(i));

        var problem = await (await admin.ImportAsync(forum, file)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["line 638: email"], errors.Select(e => e.Key));
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegations.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }

    [Fact]
    public async Task Duplicates_in_the_file_and_against_registered_delegates_are_reported_not_merged()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var existing = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", "taken@example.kz"));
        var file = CsvFiles.File(4, i => i switch
        {
            2 => CsvFiles.Row(i, email: "TAKEN@example.kz"),
            4 => CsvFiles.Row(i, email: "delegate1@example.kz"),
            _ => CsvFiles.Row(i),
        });

        var problem = await (await admin.ImportAsync(forum, file)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["line 3: email", "line 5: email"], errors.Select(e => e.Key).Order());
        Assert.Contains((string)existing["id"]!, (string)errors["line 3: email"]![0]!);
        Assert.Contains("line 2", (string)errors["line 5: email"]![0]!);
    }

    [Fact]
    public async Task Validate_only_answers_what_would_happen_and_writes_nothing()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(2);

        var summary = await (await admin.ImportAsync(forum, CsvFiles.File(5, i => CsvFiles.Row(i, "New delegation")), validateOnly: true)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.True((bool)summary["validateOnly"]!);
        Assert.Equal(2, (int)summary["confirmed"]!);
        Assert.Equal(3, (int)summary["waitlisted"]!);
        Assert.Equal(["New delegation"], summary["delegationsCreated"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegations.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }

    [Fact]
    public async Task An_import_places_rows_within_a_delegations_quota_as_registrations_do()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder()
            .With("name", new System.Text.Json.Nodes.JsonObject { ["en"] = "Shymkent" }).With("quota", 3));
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("delegationId", (string)delegation["id"]!));

        var summary = await (await admin.ImportAsync(forum, CsvFiles.File(4, i => CsvFiles.Row(i, delegation: "Shymkent")))).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(2, (int)summary["confirmed"]!);
        Assert.Equal(2, (int)summary["waitlisted"]!);
        var statuses = await api.WithDbAsync(db => db.Delegates.Where(d => d.DelegationId == Guid.Parse((string)delegation["id"]!))
            .OrderBy(d => d.RegisteredAt).Select(d => d.Status).ToListAsync());
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Confirmed,
            RegistrationStatus.Waitlisted, RegistrationStatus.Waitlisted], statuses);
        Assert.Equal(3, await api.WithDbAsync(db => db.Delegations.Where(d => d.Id == Guid.Parse((string)delegation["id"]!)).Select(d => d.PlacesTaken).SingleAsync()));
    }

    [Fact]
    public async Task An_import_places_rows_within_the_forums_capacity_as_registrations_do()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(3, requiresApproval: true);
        await admin.RegisterExpectingCreatedAsync(forum);

        var summary = await (await admin.ImportAsync(forum, CsvFiles.File(4))).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(2, (int)summary["pending"]!);
        Assert.Equal(2, (int)summary["waitlisted"]!);
        var (holders, taken) = await api.WithDbAsync(async db => (
            await db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum) && d.Status == RegistrationStatus.Pending),
            await db.Forums.Where(f => f.Id == Guid.Parse(forum)).Select(f => f.PlacesTaken).SingleAsync()));
        Assert.Equal(3, holders);
        Assert.Equal(3, taken);
    }

    [Fact]
    public async Task An_import_joins_a_delegation_however_its_name_is_spelt_with_invisible_characters_or_full_width_letters()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder()
            .With("name", new System.Text.Json.Nodes.JsonObject { ["en"] = "Otrar region" }));
        string[] spellings = ["Otrar region\u200b", "Otrar region\ufe0f", "Otrar\u00a0 region", "\uff2ftrar region", "Otrar\u3164region", "Otrar region\U000E0100"];

        var summary = await (await admin.ImportAsync(forum, CsvFiles.File(spellings.Length, i => CsvFiles.Row(i, delegation: spellings[i - 1])))).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Empty(summary["delegationsCreated"]!.AsArray());
        Assert.Equal(spellings.Length, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.DelegationId == Guid.Parse((string)delegation["id"]!))));
    }

    [Fact]
    public async Task A_name_two_delegations_answer_to_is_refused_by_line_rather_than_placed_in_either()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("name", new System.Text.Json.Nodes.JsonObject { ["en"] = "Same" }).With("quota", 1));
        await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder().With("name", new System.Text.Json.Nodes.JsonObject { ["en"] = "Same\u200b" }));

        // Spelt otherwise than its folded key on line 3: the row is matched by the key, not by its spelling.
        var response = await admin.ImportAsync(forum, CsvFiles.File(2, i => CsvFiles.Row(i, delegation: i == 1 ? "same" : "SAME")));

        var problem = await response.ShouldBeInvalidAsync("line 2: delegation", "line 3: delegation");
        Assert.Contains("Several delegations", (string)problem["errors"]!["line 2: delegation"]![0]!);
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }

    [Fact]
    public async Task Validate_only_counts_places_as_the_import_would_and_leaves_the_counters()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder()
            .With("name", new System.Text.Json.Nodes.JsonObject { ["en"] = "Otrar" }).With("quota", 1));

        var summary = await (await admin.ImportAsync(forum, CsvFiles.File(3, i => CsvFiles.Row(i, delegation: "otrar")), validateOnly: true)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(1, (int)summary["confirmed"]!);
        Assert.Equal(2, (int)summary["waitlisted"]!);
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegations.Where(d => d.Id == Guid.Parse((string)delegation["id"]!)).Select(d => d.PlacesTaken).SingleAsync()));
        Assert.Equal(0, await api.WithDbAsync(db => db.Forums.Where(f => f.Id == Guid.Parse(forum)).Select(f => f.PlacesTaken).SingleAsync()));
    }

    [Fact]
    public async Task A_delegation_the_import_would_create_meets_the_rules_of_a_delegation_created_through_json()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var file = CsvFiles.File(3, i => i == 2 ? CsvFiles.Row(i, delegation: new string('x', 1_000)) : CsvFiles.Row(i, delegation: "Sauran"));

        var problem = await (await admin.ImportAsync(forum, file)).ShouldBeInvalidAsync("line 3: delegation");

        Assert.Contains("300", (string)problem["errors"]!["line 3: delegation"]![0]!);
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegations.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }

    [Fact]
    public async Task A_header_of_a_million_unknown_columns_answers_a_small_400()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var header = "name," + string.Join(",", Enumerable.Range(0, 1_000_000).Select(i => $"c{i}"));

        var response = await admin.ImportAsync(forum, header + "\r\n");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length < 4_096, $"The answer is {text.Length:N0} characters long.");
        var problem = await response.ShouldBeInvalidAsync("header");
        var message = (string)problem["errors"]!["header"]![0]!;
        Assert.Contains("1,000,001", message);
    }

    [Fact]
    public async Task A_header_line_longer_than_any_known_header_is_refused_before_it_is_parsed()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var problem = await (await admin.ImportAsync(forum, "name,\"" + new string('x', 1_000_000) + "\"\r\nA,b\r\n")).ShouldBeInvalidAsync("header");

        Assert.Contains("8,192 characters", (string)problem["errors"]!["header"]![0]!);
        Assert.Single(problem["errors"]!["header"]!.AsArray());
    }

    [Fact]
    public async Task A_row_of_a_million_columns_is_refused_naming_its_line()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var file = CsvFiles.File(2) + "A" + string.Concat(Enumerable.Repeat(",x", 1_000_000)) + "\r\n" + CsvFiles.Row(3) + "\r\n";

        var response = await admin.ImportAsync(forum, file);

        Assert.True((await response.Content.ReadAsStringAsync()).Length < 2_048);
        var problem = await response.ShouldBeInvalidAsync("line 4");
        Assert.Contains("1,000,001 columns", (string)problem["errors"]!["line 4"]![0]!);
        Assert.Equal(0, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }

    [Fact]
    public async Task A_file_with_cr_only_line_ends_imports_as_one_with_crlf()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await admin.ImportAsync(forum, CsvFiles.File(200).Replace("\r\n", "\r"), validateOnly: true);

        var summary = await response.ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(200, (int)summary["rows"]!);
    }

    [Fact]
    public async Task The_line_guard_numbers_lines_ended_by_cr_lf_or_crlf_and_keeps_quoted_line_breaks_in_their_row()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        // 3,000 CRLF rows first: some CRLF pairs fall across the reader's buffers.
        var file = CsvFiles.File(3_000)
                   + CsvFiles.Row(3_001) + "\r"
                   + $"Делегат 3002,Delegate 3002,delegate3002@example.kz,,KZ,kk,,halal,\"ramp\rlift\nseat\r\nrow\",,,,\n"
                   + CsvFiles.Row(3_003) + "\r\n"
                   + "A," + new string('x', 70_000) + "\r\n"
                   + CsvFiles.Row(3_005) + "\r\n";

        var problem = await (await admin.ImportAsync(forum, file, validateOnly: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["line 3008"], errors.Where(e => !e.Key.Contains(':')).Select(e => e.Key));
        Assert.Contains("65,536 characters", (string)errors["line 3008"]![0]!);
    }

    [Fact]
    public async Task Unknown_columns_are_named_once_each_and_the_known_columns_once()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var problem = await (await admin.ImportAsync(forum, "name,shoeSize,favouriteColour,hat\r\nA,1,blue,no\r\n")).ShouldBeInvalidAsync("header");

        var messages = problem["errors"]!["header"]!.AsArray().Select(m => (string)m!).ToList();
        Assert.Equal(4, messages.Count);
        Assert.Contains("Unknown column 'shoeSize'.", messages);
        Assert.Contains("Unknown column 'hat'.", messages);
        Assert.Single(messages, m => m.Contains("nameLatin"));
    }

    [Fact]
    public async Task A_file_with_thousands_of_bad_rows_answers_at_most_a_hundred_errors_and_says_how_many_more()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var file = CsvFiles.File(5_000, i => CsvFiles.Row(i).Replace($"delegate{i}@example.kz", $"not-an-email-{i}"));

        var response = await admin.ImportAsync(forum, file);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(101, errors.Count);
        Assert.Contains("line 2: email", errors.Select(e => e.Key));
        Assert.Contains("4,900 more", (string)errors["+more"]![0]!);
        Assert.True((await response.Content.ReadAsStringAsync()).Length < 32_768);
    }

    [Fact]
    public async Task A_languages_cell_of_more_tags_than_can_be_valid_is_refused_by_its_count_alone()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var file = "name,email,languages\r\nA,a@example.kz," + string.Concat(Enumerable.Repeat("!! ", 500)) + "\r\nB,b@example.kz,kk ru\r\n";

        var problem = await (await admin.ImportAsync(forum, file, validateOnly: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["line 2: languages"], errors.Select(e => e.Key));
        Assert.Equal(["Give at most 30 languages (this list has 500)."], errors["line 2: languages"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task A_file_of_twenty_thousand_bad_rows_answers_the_first_hundred_and_counts_the_others()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var file = "name,email,languages,country,phone\r\n"
                   + string.Concat(Enumerable.Range(0, 20_000).Select(i => $",bad{i},{string.Concat(Enumerable.Repeat("!! ", 300))},ZZ,abc\r\n"));

        var response = await admin.ImportAsync(forum, file, validateOnly: true);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(101, errors.Count);
        Assert.Equal("line 2: languages", errors.First().Key);
        Assert.StartsWith("99,900 more entries", (string)errors["+more"]![0]!);
        Assert.True((await response.Content.ReadAsStringAsync()).Length < 32_768);
    }

    [Fact]
    public async Task A_file_with_more_than_twenty_thousand_rows_is_413()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var problem = await (await admin.ImportAsync(forum, CsvFiles.File(20_001))).ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("An import takes at most 20,000 rows; split the file.", (string)problem["detail"]!);

        Assert.Equal(0, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }

    [Theory]
    [InlineData("", "header", "The file is empty; it needs a header row naming its columns.")]
    [InlineData("name,favouriteColour\r\nA,blue\r\n", "header", "Unknown column 'favouriteColour'.")]
    [InlineData("email\r\na@example.kz\r\n", "header", "The column 'name' is required.")]
    [InlineData("name,email\r\n\"unclosed,a@example.kz\r\n", "line 2", "The line is not valid CSV (RFC 4180): check its quotes.")]
    public async Task A_malformed_file_is_400_naming_where(string csv, string key, string message)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var problem = await (await admin.ImportAsync(forum, csv)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]![key] is not null, problem["errors"]!.ToJsonString());
        Assert.Contains(message, problem["errors"]![key]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task A_file_that_starts_with_a_byte_order_mark_reads_its_first_column_by_name()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var summary = await (await admin.ImportAsync(forum, CsvFiles.File(2), validateOnly: true, bom: true)).ShouldBeAsync(HttpStatusCode.OK);

        Assert.Equal(2, (int)summary["rows"]!);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_400()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes("name\r\nMüller\r\n"));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        var problem = await (await admin.PostAsync($"/api/forums/{forum}/delegates/import", content)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["The file is not valid UTF-8."], problem["errors"]!["file"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task An_export_reimports_into_another_forum_as_the_same_people()
    {
        var source = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var delegation = (string)(await admin.CreateDelegationExpectingCreatedAsync(source, new DelegationBuilder()
            .With("name", new System.Text.Json.Nodes.JsonObject { ["kk"] = "Түркістан облысы", ["en"] = "Turkistan region" })))["id"]!;
        await admin.RegisterExpectingCreatedAsync(source, new DelegateBuilder("Нұралхан Көшеров").With("delegationId", delegation)
            .With("organisation", new System.Text.Json.Nodes.JsonObject { ["kk"] = "Әкімдік, \"Түркістан\"", ["en"] = "=HYPERLINK(\"x\")" }));
        await admin.RegisterExpectingCreatedAsync(source, new DelegateBuilder("Чжо Тэ Ик").With("phone", "+82 2 000 0000").With("country", "KR"));

        var exported = await admin.GetAsync($"/api/forums/{source}/delegates/export");
        Assert.Equal("text/csv", exported.Content.Headers.ContentType?.MediaType);
        var csv = await exported.Content.ReadAsStringAsync();
        Assert.Contains("'=HYPERLINK", csv);
        Assert.Contains("'+82 2 000 0000", csv);

        var target = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        await admin.CreateDelegationExpectingCreatedAsync(target, new DelegationBuilder()
            .With("name", new System.Text.Json.Nodes.JsonObject { ["kk"] = "Түркістан облысы", ["en"] = "Turkistan region" }));
        var summary = await (await admin.ImportAsync(target, csv)).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Empty(summary["delegationsCreated"]!.AsArray());

        var before = await Comparable(source);
        var after = await Comparable(target);
        Assert.Equal(string.Join("\n", before), string.Join("\n", after));
    }

    [Fact]
    public async Task Names_that_start_like_a_formula_or_with_an_apostrophe_round_trip_exactly()
    {
        string[] names = ["'=1+1", "'@home", "'-5", "'plain", "'", "''", "=cmd", "+1", "-x", "@a", "plain"];
        var source = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        foreach (var name in names)
            await admin.RegisterExpectingCreatedAsync(source, new DelegateBuilder(name));

        var csv = await (await admin.GetAsync($"/api/forums/{source}/delegates/export")).Content.ReadAsStringAsync();
        var target = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        await (await admin.ImportAsync(target, csv)).ShouldBeAsync(HttpStatusCode.OK);

        var page = await (await admin.GetAsync($"/api/forums/{target}/delegates?limit=100")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal(names.Order(StringComparer.Ordinal), page["items"]!.AsArray().Select(d => (string)d!["name"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_export_names_a_delegation_in_the_language_every_export_picks()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var english = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder()
            .With("name", new System.Text.Json.Nodes.JsonObject { ["kk"] = "Отырар ауданы", ["en"] = "Otrar district" })))["id"]!;
        var kazakh = (string)(await admin.CreateDelegationExpectingCreatedAsync(forum, new DelegationBuilder()
            .With("name", new System.Text.Json.Nodes.JsonObject { ["kk"] = "Сайрам ауданы", ["ru"] = "Сайрамский район" })))["id"]!;
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder("Бірінші").With("delegationId", english));
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder("Екінші").With("delegationId", kazakh));

        var csv = await (await admin.GetAsync($"/api/forums/{forum}/delegates/export")).Content.ReadAsStringAsync();

        var cells = csv.Split("\r\n").Where(l => l.Length > 0).Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[6]);
        Assert.Equal("Otrar district", cells["Бірінші"]);
        Assert.Equal("Сайрам ауданы", cells["Екінші"]);
    }

    [Fact]
    public async Task The_export_takes_the_lists_filters()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(1);
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder("Confirmed one"));
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder("Waiting one"));

        var csv = await (await admin.GetAsync($"/api/forums/{forum}/delegates/export?status=waitlisted")).Content.ReadAsStringAsync();

        Assert.Contains("Waiting one", csv);
        Assert.DoesNotContain("Confirmed one", csv);
        await (await admin.GetAsync($"/api/forums/{forum}/delegates/export?country=XX")).ShouldBeInvalidAsync("country");
    }

    [Fact]
    public async Task Each_fault_of_a_header_is_named_in_its_own_words()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var sixty = new string('s', 60);
        var longer = new string('l', 70);

        var faults = await (await admin.ImportAsync(forum, "name,Name,position.not a tag!,organisation.!!\r\nA,A,x,y\r\n")).ShouldBeInvalidAsync("header");
        var names = await (await admin.ImportAsync(forum, $"name,{sixty},{longer}\r\nA,z,w\r\n")).ShouldBeInvalidAsync("header");

        Assert.Equal(["Unknown column 'position.not a tag!'.", "Unknown column 'organisation.!!'.", DelegateCsv.KnownColumns, "The column 'name' appears twice."],
            faults["errors"]!["header"]!.AsArray().Select(m => (string)m!));
        Assert.Equal([$"Unknown column '{sixty}'.", $"Unknown column '{longer[..60]}…'.", DelegateCsv.KnownColumns],
            names["errors"]!["header"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task A_language_column_may_come_first_and_a_lone_apostrophe_is_kept_as_written()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        await (await admin.ImportAsync(forum, "position.en,name,nameLatin\r\nDeputy akim,Әлия,'\r\n")).ShouldBeAsync(HttpStatusCode.OK);

        var one = (await (await admin.GetAsync($"/api/forums/{forum}/delegates")).ShouldBeAsync(HttpStatusCode.OK))["items"]![0]!;
        Assert.Equal("Deputy akim", (string)one["position"]!["en"]!);
        Assert.Equal("'", (string)one["nameLatin"]!);
    }

    [Fact]
    public async Task A_languages_cell_may_hold_as_many_tags_as_a_text_may_have_languages_however_long_they_are()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        string[] thirty = ["kk-KZ", "ru-RU", "en-GB", "ko-KR", "de", "fr", "es", "it", "zh", "ja", "ar", "tr", "uz", "ky", "tg", "tk", "mn", "fa", "hi",
            "ur", "pt", "pl", "uk", "be", "az", "hy", "ka", "he", "el", "nl"];

        var accepted = await admin.ImportAsync(forum, $"name,languages\r\nA,{string.Join(' ', thirty)}\r\n", validateOnly: true);
        var refused = await admin.ImportAsync(forum, $"name,languages\r\nA,{string.Join(';', thirty)};sv-SE\r\n", validateOnly: true);

        await accepted.ShouldBeAsync(HttpStatusCode.OK);
        var problem = await refused.ShouldBeInvalidAsync("line 2: languages");
        Assert.Equal(["Give at most 30 languages (this list has 31)."], problem["errors"]!["line 2: languages"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task A_needs_cell_that_breaks_a_rule_is_named_by_its_column()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var problem = await (await admin.ImportAsync(forum, $"name,diet\r\nA,{new string('x', 501)}\r\n", validateOnly: true)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["line 2: diet"], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task The_line_guard_counts_quoted_commas_and_line_breaks_as_the_cell_they_are_in()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var commas = string.Concat(Enumerable.Repeat("a, ", 100));
        // Two halves under a line's limit that together pass it: one record, too long.
        var half = new string('x', 40_000);

        await (await admin.ImportAsync(forum, $"name,access\r\nA,\"{commas}\"\r\n", validateOnly: true)).ShouldBeAsync(HttpStatusCode.OK);
        var problem = await (await admin.ImportAsync(forum, $"name,access\r\nA,b\r\nB,\"{half}\r\n{half}\"\r\nC,d\r\n", validateOnly: true))
            .ShouldBeInvalidAsync("line 3");
        Assert.Equal("The line has 2 columns in 80,005 characters; a line of an import file has at most 75 columns and 65,536 characters.",
            (string)problem["errors"]!["line 3"]![0]!);
    }

    [Fact]
    public async Task A_line_too_large_is_measured_to_its_own_end_whatever_follows_it()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var file = CsvFiles.File(2) + "A" + string.Concat(Enumerable.Repeat(",x", 100)) + "\r\n" + string.Concat(Enumerable.Range(5, 300).Select(i => CsvFiles.Row(i) + "\r\n"));

        var problem = await (await admin.ImportAsync(forum, file, validateOnly: true)).ShouldBeInvalidAsync("line 4");

        Assert.Equal(["The line has 101 columns in 201 characters; a line of an import file has at most 75 columns and 65,536 characters."],
            problem["errors"]!["line 4"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task A_header_is_held_to_the_headers_limit_not_a_rows()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var problem = await (await admin.ImportAsync(forum, "name," + new string('x', 10_000) + "\r\nA,b\r\n")).ShouldBeInvalidAsync("header");

        Assert.Equal(["The header names 2 columns in 10,005 characters; an import file's header has at most 75 columns and 8,192 characters. " + DelegateCsv.KnownColumns],
            problem["errors"]!["header"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task A_clean_file_with_an_e_mail_registered_since_is_refused_on_its_line_pointing_at_the_delegate()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var existing = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", "delegate2@example.kz"));

        var problem = await (await admin.ImportAsync(forum, CsvFiles.File(3))).ShouldBeInvalidAsync("line 3: email");

        Assert.Equal([$"Already registered: /api/forums/{forum}/delegates/{existing["id"]}."], problem["errors"]!["line 3: email"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(1, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }

    [Fact]
    public async Task The_export_is_utf8_with_a_byte_order_mark_sorted_by_latin_name_with_each_language_column_and_the_registrations_facts()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var b = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder("Бекзат").With("nameLatin", "Bekzat").With("position", new System.Text.Json.Nodes.JsonObject { ["en"] = "Akim" }));
        var a = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder("Айгүл").With("nameLatin", "Aigul").With("organisation", new System.Text.Json.Nodes.JsonObject { ["ko"] = "시청" }));
        await (await admin.PostJsonAsync($"/api/forums/{forum}/check-ins", new System.Text.Json.Nodes.JsonObject
            { ["accreditationCode"] = (string)a["accreditationCode"]!, ["nonce"] = Guid.NewGuid().ToString() })).ShouldBeAsync(HttpStatusCode.Created);
        var checkedIn = await admin.GetDelegateExpectingOkAsync(forum, (string)a["id"]!);

        var bytes = await (await admin.GetAsync($"/api/forums/{forum}/delegates/export")).Content.ReadAsByteArrayAsync();

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        var header = lines[0].ToList();
        Assert.Equal(["position.en", "organisation.en", "organisation.ko", "id", "status", "accreditationCode", "registeredAt", "checkedInAt"], header[10..]);
        Assert.Equal(["Айгүл", "Бекзат"], lines.Skip(1).Select(l => l[0]));
        var first = lines[1];
        Assert.Equal(["Deputy akim", "", "시청", (string)a["id"]!, "confirmed", (string)a["accreditationCode"]!], first[10..16]);
        Assert.Equal(DateTime.Parse((string)a["registeredAt"]!).ToUniversalTime(), DateTime.Parse(first[16]).ToUniversalTime());
        Assert.Equal(DateTime.Parse((string)checkedIn["checkedInAt"]!).ToUniversalTime(), DateTime.Parse(first[17]).ToUniversalTime());
        Assert.Equal(["Akim", "Akimat", "", (string)b["id"]!], lines[2][10..14]);
        Assert.Equal("", lines[2][17]);
    }

    private static string Sorted(System.Text.Json.Nodes.JsonNode? map) =>
        map is null ? "" : string.Join(";", map.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private async Task<List<string>> Comparable(string forumId)
    {
        var page = await (await admin.GetAsync($"/api/forums/{forumId}/delegates?limit=100")).ShouldBeAsync(HttpStatusCode.OK);
        var delegations = await (await admin.GetAsync($"/api/forums/{forumId}/delegations?limit=100")).ShouldBeAsync(HttpStatusCode.OK);
        var names = delegations["items"]!.AsArray().ToDictionary(d => (string)d!["id"]!, d => (string)d!["name"]!["en"]!);
        return page["items"]!.AsArray().Select(d => string.Join("|",
            d!["name"], d["nameLatin"], d["email"], d["phone"], d["country"], d["languages"]!.ToJsonString(), d["needs"]!.ToJsonString(),
            Sorted(d["position"]), Sorted(d["organisation"]), d["status"],
            (string?)d["delegationId"] is { } id ? names[id] : "")).ToList();
    }
}
