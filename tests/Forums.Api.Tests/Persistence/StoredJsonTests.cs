using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;

namespace Forums.Api.Tests.Persistence;

/// <summary>
/// The stored language maps and lists are read by a short parser (<see cref="StoredJson"/>) rather than the serializer:
/// what the serializers write must take its short way and read exactly as System.Text.Json reads it; any other form
/// must go to System.Text.Json.
/// </summary>
public sealed class StoredJsonTests
{
    public static TheoryData<string> Texts() =>
    [
        "",
        "Turkistan",
        "Түркістан — Қазақстан",
        "<b>\"Tom & Jerry's\"</b> + 한국어 😀",
        "back\\slash / and \"quotes\"",
        "lines\r\nand\ta tab\u0001 and \u007f",
        "\u2028\u2029 and \ufeff",
        "😀😀 at both ends 😀",
    ];

    private static readonly JsonSerializerOptions[] Writers =
    [
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        new(),
        new() { Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) },
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_language_map_any_serializer_wrote_takes_the_short_way_and_reads_as_the_serializer_reads_it(string text)
    {
        var map = new Dictionary<string, string> { ["kk"] = text, ["en"] = "x" + text, [text.Length > 0 ? "q-" + text : "und"] = "" };
        foreach (var writer in Writers)
        {
            var stored = JsonSerializer.Serialize(map, writer);

            Assert.True(StoredJson.TryStringMap(stored, out var read), stored);
            Assert.Equal(JsonSerializer.Deserialize<Dictionary<string, string>>(stored), read);
            Assert.Equal(map, read);
            Assert.Equal(map, LocalizedTextConverter.FromStored(stored));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_list_any_serializer_wrote_takes_the_short_way_and_reads_as_the_serializer_reads_it(string text)
    {
        List<string> list = [text, "kk", text];
        foreach (var writer in Writers)
        {
            var stored = JsonSerializer.Serialize(list, writer);

            Assert.True(StoredJson.TryStringList(stored, out var read), stored);
            Assert.Equal(list, read);
            Assert.Equal(list, StoredJson.StringList(stored));
        }
    }

    [Fact]
    public void Empty_maps_and_lists_take_the_short_way()
    {
        Assert.True(StoredJson.TryStringMap("{}", out var map));
        Assert.Empty(map);
        Assert.True(StoredJson.TryStringList("[]", out var list));
        Assert.Empty(list);
    }

    [Theory]
    [InlineData("{ \"en\": \"x\" }")]
    [InlineData("{\"en\":\"x\",\"en\":\"y\"}")]
    [InlineData("{\"en\":null}")]
    [InlineData("{\"en\":1}")]
    [InlineData("{\"en\":\"x\"")]
    [InlineData("{\"en\":\"x\"}x")]
    [InlineData("{\"en\":\"\\ud800\"}")]
    [InlineData("{\"en\":\"\\uDE00x\"}")]
    [InlineData("{\"en\":\"\\q\"}")]
    [InlineData("{\"en\":\"\t\"}")]
    [InlineData("{\"en\":\"\\u12\"}")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("[\"en\"]")]
    public void Any_other_map_form_goes_to_the_serializer(string stored)
    {
        Assert.False(StoredJson.TryStringMap(stored, out _));
        AssertSameAsSerializer(() => StoredJson.StringMap(stored), () => JsonSerializer.Deserialize<Dictionary<string, string>>(stored));
    }

    [Theory]
    [InlineData("[ \"kk\" ]")]
    [InlineData("[\"kk\",null]")]
    [InlineData("[\"kk\",1]")]
    [InlineData("[\"kk\"")]
    [InlineData("[\"kk\"],")]
    [InlineData("[\"\\ud83d\"]")]
    [InlineData("null")]
    [InlineData("{}")]
    public void Any_other_list_form_goes_to_the_serializer(string stored)
    {
        Assert.False(StoredJson.TryStringList(stored, out _));
        AssertSameAsSerializer(() => StoredJson.StringList(stored), () => JsonSerializer.Deserialize<List<string>>(stored));
    }

    private static void AssertSameAsSerializer<T>(Func<T?> read, Func<T?> serializer)
    {
        T? expected;
        try
        {
            expected = serializer();
        }
        catch (JsonException)
        {
            Assert.Throws<JsonException>(() => read());
            return;
        }
        Assert.Equal(expected, read());
    }

    [Theory]
    [InlineData("2027-05-20")]
    [InlineData("2024-02-29")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public void A_date_stored_on_sqlite_reads_as_the_exact_parser_reads_it(string stored) =>
        Assert.Equal(DateOnly.ParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture), StoredValues.SqliteDate(stored));

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2027-13-01")]
    [InlineData("2027-00-10")]
    [InlineData("0000-01-01")]
    [InlineData("2027-5-20")]
    [InlineData("2027-05-20 00:00:00")]
    public void A_date_not_in_the_stored_form_is_refused_as_the_exact_parser_refuses_it(string stored) =>
        Assert.Throws<FormatException>(() => StoredValues.SqliteDate(stored));
}
