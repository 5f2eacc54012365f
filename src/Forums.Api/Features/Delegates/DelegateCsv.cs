using System.Globalization;
using CsvHelper.Configuration;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Delegates;

/// <summary>
/// The CSV layout of delegates (RFC 4180, UTF-8, header row), shared by import and export so that an export
/// re-imports cleanly. Multilingual texts take one column per language: position.kk, position.en, ...
/// </summary>
public static class DelegateCsv
{
    public const string ContentType = "text/csv";
    public const int MaxRows = 20_000;

    public const string Name = "name", NameLatin = "nameLatin", Email = "email", Phone = "phone", Country = "country",
        Languages = "languages", Delegation = "delegation", Diet = "diet", Access = "access", Interpretation = "interpretation";
    public const string PositionPrefix = "position.", OrganisationPrefix = "organisation.";

    /// <summary>Written by the export for reference; the import ignores them (a new registration gets its own).</summary>
    public static readonly string[] ExportOnly = ["id", "status", "accreditationCode", "registeredAt", "checkedInAt"];

    public static readonly string[] Columns = [Name, NameLatin, Email, Phone, Country, Languages, Delegation, Diet, Access, Interpretation];

    /// <summary>The most columns a header can name and all be known: each column once, and a position and an organisation in each of the most languages a text takes.</summary>
    public const int MaxColumns = 10 + 5 + 2 * RuleExtensions.MaxLanguagesPerText;

    /// <summary>The longest header line, in characters: 75 known columns fit many times over.</summary>
    public const int MaxHeaderLength = 8_192;

    /// <summary>The longest line of a row, in characters: every field of a delegate at its longest fits, quotes doubled.</summary>
    public const int MaxLineLength = 65_536;

    /// <summary>What the OpenAPI document and the README say about the columns.</summary>
    public const string Description =
        "CSV (RFC 4180), UTF-8 with or without BOM, one header row. Columns, in any order: name (required), nameLatin, email, phone, " +
        "country (ISO 3166-1 alpha-2), languages (BCP 47 tags separated by spaces), delegation (a delegation's name in any of its " +
        "languages; created when missing), diet, access, interpretation, and one column per language for the position and the " +
        "organisation: position.kk, position.en, organisation.ko, ... The export's id, status, accreditationCode, registeredAt and " +
        "checkedInAt columns are accepted and ignored. A header of more than 75 columns (30 languages each for position and " +
        "organisation) or 8,192 characters is refused (400), as is a line of more than 75 columns or 65,536 characters. " +
        "At most 20,000 rows (413 beyond).";

    /// <summary>The columns an import knows, said once in an answer that refuses a header.</summary>
    public const string KnownColumns =
        "Known columns: name (required), nameLatin, email, phone, country, languages, delegation, diet, access, interpretation, " +
        "position.<language tag> and organisation.<language tag> (at most 30 languages each), and the export's id, status, " +
        "accreditationCode, registeredAt and checkedInAt.";

    public static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        DetectColumnCountChanges = false,
        MissingFieldFound = null,
        TrimOptions = TrimOptions.Trim,
        // Cells that a spreadsheet would run as a formula get a leading apostrophe (OWASP CSV injection). A cell that
        // starts with an apostrophe gets one too, so that the import can take off exactly the one the export added.
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = [.. FormulaStarts, Apostrophe],
    };

    private const char Apostrophe = '\'';

    // CsvHelper's own list (OWASP): what a spreadsheet reads as the start of a formula.
    private static readonly char[] FormulaStarts = ['=', '@', '+', '-', '\t', '\r'];

    /// <summary>The cell as written before the export neutralised it: the one apostrophe it added is taken off.</summary>
    public static string? Cell(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        return raw.Length > 1 && raw[0] == Apostrophe && (raw[1] == Apostrophe || FormulaStarts.Contains(raw[1])) ? raw[1..] : raw;
    }

    public static bool IsLanguageColumn(string header, string prefix, out string tag)
    {
        tag = header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? header[prefix.Length..] : "";
        return tag.Length > 0;
    }
}
