using System.Net;
using Forums.Api.Tests.Infrastructure;

namespace Forums.Api.Tests.Features.Delegates;

public sealed class EmailTests(EmptyForumsApiFactory api) : IClassFixture<EmptyForumsApiFactory>
{
    private readonly HttpClient admin = api.CreateAdminClient();

    private const string Precomposed = "caf\u00e9@example.kz";
    private const string Decomposed = "cafe\u0301@example.kz";

    [Theory]
    [InlineData(Decomposed)]
    [InlineData(" CAFE\u0301@Example.KZ ")]
    [InlineData("CAF\u00c9@EXAMPLE.KZ")]
    public async Task An_email_registers_once_per_forum_whatever_its_unicode_form_and_case(string again)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var existing = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", Precomposed));

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("email", again).Build());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"/api/forums/{forum}/delegates/{existing["id"]}", (string)problem["existing"]!);
        Assert.Equal(Precomposed, (string)existing["email"]!);
    }

    [Theory]
    [InlineData("t\U000E0041@x.kz")]
    [InlineData("a\ufe0f@x.kz")]
    [InlineData("a\u3164@x.kz")]
    [InlineData("a\uffa0@x.kz")]
    [InlineData("a\u200b@x.kz")]
    [InlineData("a\u00ad@x.kz")]
    [InlineData("a\U0001D173@x.kz")]
    [InlineData("a\U000110BD@x.kz")]
    [InlineData("\u0301a@x.kz")]
    [InlineData("a.\u0301b@x.kz")]
    [InlineData("a+\u0301@x.kz")]
    [InlineData("\U0001F600@x.kz")]
    public async Task An_email_with_an_invisible_character_or_a_mark_without_a_letter_is_400_naming_email(string email)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("email", email).Build());

        await response.ShouldBeInvalidAsync("email");
    }

    [Theory]
    [InlineData("\uff41@example.kz")]
    [InlineData("\uff21kim@example.kz")]
    [InlineData("a\u00b2@example.kz")]
    [InlineData("\ufb01le@example.kz")]
    public async Task An_email_whose_local_part_has_a_compatibility_form_is_400_so_it_cannot_register_twice(string email)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("email", email).Build());

        var problem = await response.ShouldBeInvalidAsync("email");
        Assert.Contains("full-width", (string)problem["errors"]!["email"]![0]!);
    }

    [Theory]
    [InlineData("\u0430\u043a\u0438\u043c@example.kz")]
    [InlineData("\u0915\u093f\u0930\u0923@example.kz")]
    [InlineData("\ud55c\uad6d@example.kz")]
    [InlineData("a\U00020000@example.kz")]
    [InlineData("jos\u00e9@\uff45xample.kz")]
    public async Task Letters_and_their_marks_of_any_script_make_an_email(string email)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("email", email).Build());

        await response.ShouldBeAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Changing_a_delegates_email_to_another_form_of_a_registered_one_is_409()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var existing = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", Decomposed));
        var other = await admin.RegisterExpectingCreatedAsync(forum);

        var response = await admin.PutJsonAsync($"/api/forums/{forum}/delegates/{other["id"]}", new DelegateBuilder().With("email", Precomposed).Build());

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"/api/forums/{forum}/delegates/{existing["id"]}", (string)problem["existing"]!);
        Assert.Equal(Precomposed, (string)existing["email"]!);
    }

    [Fact]
    public async Task An_international_domain_is_one_address_in_unicode_and_in_punycode()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var existing = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", "akim@B\u00dcCHER.example"));

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegates",
            new DelegateBuilder().With("email", "akim@xn--bcher-kva.example").Build());

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("akim@b\u00fccher.example", (string)existing["email"]!);
    }

    [Fact]
    public async Task An_import_reports_emails_that_differ_only_in_unicode_form_from_the_file_or_the_forum()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", Precomposed));
        var csv = CsvFiles.File(3, i => CsvFiles.Row(i, email: i switch
        {
            1 => Decomposed,
            2 => "Akim@B\u00dcCHER.example",
            _ => "akim@xn--bcher-kva.example",
        }));

        var response = await admin.ImportAsync(forum, csv);

        var problem = await response.ShouldBeInvalidAsync("line 2: email", "line 4: email");
        Assert.Contains("Already registered", (string)problem["errors"]!["line 2: email"]![0]!);
        Assert.Contains("line 3", (string)problem["errors"]!["line 4: email"]![0]!);
    }

    [Theory]
    [InlineData("a\u0000b@example.kz")]
    [InlineData("a\u200bb@example.kz")]
    [InlineData("<a@example.kz>")]
    [InlineData("Akim <a@example.kz>")]
    [InlineData("a@exam\nple.kz")]
    [InlineData("a@example")]
    [InlineData("a@@example.kz")]
    [InlineData("a b@example.kz")]
    [InlineData(".a@example.kz")]
    [InlineData("a.@example.kz")]
    [InlineData("a..b@example.kz")]
    [InlineData("a@example..kz")]
    [InlineData("a@-example.kz")]
    [InlineData("a@example-.kz")]
    [InlineData("a@exa_mple.kz")]
    [InlineData("a@example.123")]
    [InlineData("\"a\"@example.kz")]
    [InlineData("a@[192.0.2.1]")]
    [InlineData("a\u202e@example.kz")]
    [InlineData("a@exam\u202eple.kz")]
    [InlineData("a\u001b[31m@example.kz")]
    public async Task Malformed_emails_are_400_naming_email(string email)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var response = await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("email", email).Build());

        await response.ShouldBeInvalidAsync("email");
    }

    [Fact]
    public async Task Overlong_emails_and_local_parts_are_400()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var longLocal = new string('a', 65) + "@example.kz";
        var longLabel = "a@" + new string('b', 64) + ".kz";
        var longAddress = "a@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 5)) + ".kz";

        foreach (var email in new[] { longLocal, longLabel, longAddress })
            await (await admin.PostJsonAsync($"/api/forums/{forum}/delegates", new DelegateBuilder().With("email", email).Build()))
                .ShouldBeInvalidAsync("email");
    }

    [Theory]
    [InlineData("o'brien+forum@example.co.uk", "o'brien+forum@example.co.uk")]
    [InlineData("First.Last@Sub.Example.KZ", "first.last@sub.example.kz")]
    [InlineData("  akim@example.kz  ", "akim@example.kz")]
    [InlineData("\u04d9\u043a\u0456\u043c@\u0442\u04af\u0440\u043a\u0456\u0441\u0442\u0430\u043d.kz", "\u04d9\u043a\u0456\u043c@\u0442\u04af\u0440\u043a\u0456\u0441\u0442\u0430\u043d.kz")]
    [InlineData("x@a-b.example", "x@a-b.example")]
    public async Task Valid_emails_are_stored_in_their_comparison_form(string email, string stored)
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);

        var registered = await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", email));

        Assert.Equal(stored, (string)registered["email"]!);
        var found = await (await admin.GetAsync($"/api/forums/{forum}/delegates?q={Uri.EscapeDataString(stored)}")).ShouldBeAsync(HttpStatusCode.OK);
        Assert.Equal((string)registered["id"]!, (string)found["items"]![0]!["id"]!);
    }

    [Fact]
    public async Task A_malformed_email_in_an_import_is_reported_on_its_line()
    {
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var csv = CsvFiles.File(2, i => CsvFiles.Row(i, email: i == 2 ? "\"<a@example.kz>\"" : null));

        var response = await admin.ImportAsync(forum, csv);

        await response.ShouldBeInvalidAsync("line 3: email");
    }
}
