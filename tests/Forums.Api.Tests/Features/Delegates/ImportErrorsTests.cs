using Forums.Api.Features.Delegates.ImportDelegates;
using Forums.Api.Http;

namespace Forums.Api.Tests.Features.Delegates;

/// <summary>What an import's answer keeps of its problems: capped as every 400 is, the rest counted once per line and column.</summary>
public sealed class ImportErrorsTests
{
    [Fact]
    public void A_problem_is_keyed_by_its_line_and_column_or_by_its_own_key()
    {
        var errors = new ImportErrors();

        errors.Add(7, "email", "Not an e-mail.");
        errors.Add("header", "Unknown column 'x'.");

        Assert.True(errors.Any);
        Assert.Equal(new Dictionary<string, string[]> { ["line 7: email"] = ["Not an e-mail."], ["header"] = ["Unknown column 'x'."] },
            errors.ToDictionary());
    }

    [Fact]
    public void An_entry_keeps_each_message_once_and_at_most_the_cap()
    {
        var errors = new ImportErrors();

        errors.Add(2, "name", "same");
        errors.Add(2, "name", "same");
        for (var i = 0; i < Problems.MaxMessagesPerEntry + 2; i++)
            errors.Add(2, "name", $"message {i}");

        Assert.Equal(["same", .. Enumerable.Range(0, Problems.MaxMessagesPerEntry - 1).Select(i => $"message {i}")], errors.ToDictionary()["line 2: name"]);
        Assert.Equal(0, errors.More);
    }

    [Fact]
    public void Past_the_cap_each_column_of_a_line_is_counted_once()
    {
        var errors = new ImportErrors();
        for (var line = 1; line <= Problems.MaxErrorEntries; line++)
            errors.Add(line, "email", "Not an e-mail.");

        errors.Add(200, "email", "Not an e-mail.");
        errors.Add(200, "email", "Another message.");
        errors.Add(200, "phone", "Not a phone number.");
        errors.Add(201, "email", "Not an e-mail.");
        errors.Add(202, "email", "Not an e-mail.");

        Assert.Equal(Problems.MaxErrorEntries, errors.ToDictionary().Count);
        Assert.Equal(4, errors.More);
    }
}
