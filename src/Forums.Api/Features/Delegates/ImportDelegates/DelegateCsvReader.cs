using System.Text;
using CsvHelper;
using Forums.Api.Domain;
using Forums.Api.Features.Delegations;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Delegates.ImportDelegates;

/// <summary>One data row of an import file, as the delegate fields it carries.</summary>
internal sealed class CsvDelegateRow : DelegateFields
{
    /// <summary>The row's line in the file (the header is line 1).</summary>
    public int Line { get; init; }
    public string? DelegationName { get; init; }
}

/// <summary>A delegation that an import creates from a name in its delegation column: held to the JSON API's rules for one.</summary>
internal sealed class CsvDelegation : DelegationFields
{
    // A name of unknown language: tagged "und" (BCP 47 "undetermined") until an organiser says which.
    public static CsvDelegation Named(string name) =>
        new() { Name = new Dictionary<string, string> { ["und"] = name }, Kind = DelegationKind.Organisation };
}

/// <summary>
/// Reads an import file row by row, checking each as it is read; every problem is kept with its line and column (as many
/// as an answer shows, the others counted), none stops the reading. Rows are kept only while the file has no problem:
/// once it has one, the rest is read only to report.
/// </summary>
internal static class DelegateCsvReader
{
    /// <param name="Emails">Each e-mail of the file (normalised) and its first line, kept also when the rows are not.</param>
    public sealed record Result(List<CsvDelegateRow> Rows, IReadOnlyDictionary<string, int> Emails, bool TooManyRows);

    public static async Task<Result> ReadAsync(Stream body, ImportErrors errors, CancellationToken ct)
    {
        var rows = new List<CsvDelegateRow>();
        var check = new RowCheck(errors);
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
        using var guard = new LineGuard(reader);
        try
        {
            using var csv = new CsvReader(guard, DelegateCsv.Configuration());
            var read = await csv.ReadAsync();
            if (guard.TooLarge)
                return TooLarge();
            if (!read || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            {
                errors.Add("header", "The file is empty; it needs a header row naming its columns.");
                return Done();
            }
            CheckHeader(header, errors.Add);
            if (errors.Any)
                return Done();

            var columns = new Columns(header);
            var count = 0;
            while (await csv.ReadAsync())
            {
                ct.ThrowIfCancellationRequested();
                if (count++ == DelegateCsv.MaxRows)
                    return new Result([], check.Emails, TooManyRows: true);
                var row = Row(csv, columns, errors);
                check.Check(row);
                if (!errors.Any)
                    rows.Add(row);
                else if (rows.Count > 0)
                    rows = [];
            }
            if (guard.TooLarge)
                return TooLarge();
        }
        catch (DecoderFallbackException)
        {
            errors.Add("file", "The file is not valid UTF-8.");
        }
        // A line cut short by the guard inside a quoted cell ends the file in the quote: it is too large, not invalid.
        catch (CsvHelperException) when (guard.TooLarge)
        {
            return TooLarge();
        }
        catch (CsvHelperException)
        {
            // Named by the line its record starts on (an unclosed quote runs on to the end of the file).
            errors.Add($"line {guard.Line}", "The line is not valid CSV (RFC 4180): check its quotes.");
        }
        return Done();

        Result Done() => new(errors.Any ? [] : rows, check.Emails, false);

        Result TooLarge()
        {
            if (guard.Line == 1)
                errors.Add("header", $"The header names {guard.Columns:N0} columns in {guard.Length:N0} characters; an import file's header has " +
                                     $"at most {DelegateCsv.MaxColumns} columns and {DelegateCsv.MaxHeaderLength:N0} characters. {DelegateCsv.KnownColumns}");
            else
                errors.Add($"line {guard.Line}", $"The line has {guard.Columns:N0} columns in {guard.Length:N0} characters; a line of an import " +
                                                 $"file has at most {DelegateCsv.MaxColumns} columns and {DelegateCsv.MaxLineLength:N0} characters.");
            return Done();
        }
    }

    /// <summary>A row against the field rules and the file's rows before it.</summary>
    private sealed class RowCheck(ImportErrors errors)
    {
        private readonly DelegateFieldsValidator validator = new();
        private readonly DelegationFieldsValidator delegationValidator = new();
        private readonly Dictionary<string, int> emails = [];

        public IReadOnlyDictionary<string, int> Emails => emails;

        public void Check(CsvDelegateRow row)
        {
            foreach (var failure in validator.Validate(row).Errors)
                errors.Add(row.Line, ColumnOf(failure.PropertyName), failure.ErrorMessage);
            // A delegation the row names may be created: by the rules a delegation created through JSON meets.
            if (row.DelegationName is { } delegationName)
                foreach (var failure in delegationValidator.Validate(CsvDelegation.Named(delegationName)).Errors)
                    errors.Add(row.Line, DelegateCsv.Delegation, failure.ErrorMessage);
            if (string.IsNullOrWhiteSpace(row.Email) || EmailAddress.Normalize(row.Email) is not { } email)
                return;
            if (emails.TryGetValue(email, out var firstLine))
                errors.Add(row.Line, DelegateCsv.Email, $"The same e-mail is on line {firstLine}; one e-mail registers once.");
            else
                emails[email] = row.Line;
        }

        private static string ColumnOf(string property) => property switch
        {
            _ when property.StartsWith("needs.", StringComparison.Ordinal) => property["needs.".Length..],
            _ when property.StartsWith("languages", StringComparison.Ordinal) => DelegateCsv.Languages,
            "position" => "position.*",
            "organisation" => "organisation.*",
            _ => property,
        };
    }

    private static void CheckHeader(string[] header, Action<string, string> fail)
    {
        var unknown = new List<string>();
        foreach (var column in header)
        {
            var known = DelegateCsv.Columns.Contains(column, StringComparer.OrdinalIgnoreCase)
                        || DelegateCsv.ExportOnly.Contains(column, StringComparer.OrdinalIgnoreCase)
                        || (DelegateCsv.IsLanguageColumn(column, DelegateCsv.PositionPrefix, out var tag) && LanguageTag.IsWellFormed(tag))
                        || (DelegateCsv.IsLanguageColumn(column, DelegateCsv.OrganisationPrefix, out tag) && LanguageTag.IsWellFormed(tag));
            if (!known)
                unknown.Add(column);
        }
        foreach (var column in unknown.Distinct(StringComparer.OrdinalIgnoreCase))
            fail("header", $"Unknown column '{Shorten(column)}'.");
        if (unknown.Count > 0)
            fail("header", DelegateCsv.KnownColumns);
        if (!header.Contains(DelegateCsv.Name, StringComparer.OrdinalIgnoreCase))
            fail("header", "The column 'name' is required.");
        foreach (var twice in header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            fail("header", $"The column '{Shorten(twice.Key)}' appears twice.");
    }

    private static string Shorten(string column) => column.Length <= 60 ? column : column[..60] + "…";

    /// <summary>Where each column is, found once for the file.</summary>
    private sealed class Columns(string[] header)
    {
        private readonly Dictionary<string, int> byName = header.Select((h, i) => (h, i)).GroupBy(c => c.h, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);

        public readonly (int Index, string Tag)[] Positions = LanguageColumns(header, DelegateCsv.PositionPrefix);
        public readonly (int Index, string Tag)[] Organisations = LanguageColumns(header, DelegateCsv.OrganisationPrefix);

        public int IndexOf(string column) => byName.TryGetValue(column, out var index) ? index : -1;

        private static (int, string)[] LanguageColumns(string[] header, string prefix) =>
            [.. header.Select((h, i) => DelegateCsv.IsLanguageColumn(h, prefix, out var tag) ? (i, tag) : (-1, "")).Where(c => c.Item1 >= 0)];
    }

    private static CsvDelegateRow Row(CsvReader csv, Columns columns, ImportErrors errors)
    {
        string? Field(string column) => columns.IndexOf(column) is var index and >= 0 ? DelegateCsv.Cell(csv.GetField(index)) : null;
        Dictionary<string, string>? Texts((int Index, string Tag)[] languages)
        {
            var texts = new Dictionary<string, string>();
            foreach (var (index, tag) in languages)
                if (DelegateCsv.Cell(csv.GetField(index)) is { } text)
                    texts[tag] = text;
            return texts.Count > 0 ? texts : null;
        }

        var line = csv.Parser.RawRow;
        return new CsvDelegateRow
        {
            Line = line,
            Name = Field(DelegateCsv.Name) ?? "",
            NameLatin = Field(DelegateCsv.NameLatin),
            Email = Field(DelegateCsv.Email),
            Phone = Field(DelegateCsv.Phone),
            Country = Field(DelegateCsv.Country),
            Languages = Languages(Field(DelegateCsv.Languages), line, errors),
            Needs = new DelegateNeedsRequest
            {
                Diet = Field(DelegateCsv.Diet), Access = Field(DelegateCsv.Access), Interpretation = Field(DelegateCsv.Interpretation),
            },
            Position = Texts(columns.Positions),
            Organisation = Texts(columns.Organisations),
            DelegationName = Field(DelegateCsv.Delegation),
        };
    }

    private static readonly char[] TagSeparators = [' ', ',', ';'];

    /// <summary>The cell's tags; a cell of more than can be valid is refused as such, its tags not split out (a 65,536-character cell holds thousands).</summary>
    private static string[]? Languages(string? cell, int line, ImportErrors errors)
    {
        if (cell is null)
            return null;
        var count = 0;
        var inTag = false;
        foreach (var c in cell)
        {
            var separator = Array.IndexOf(TagSeparators, c) >= 0;
            if (!separator && !inTag)
                count++;
            inTag = !separator;
        }
        if (count <= RuleExtensions.MaxLanguagesPerText)
            return cell.Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries);
        errors.Add(line, DelegateCsv.Languages, $"Give at most {RuleExtensions.MaxLanguagesPerText} languages (this list has {count:N0}).");
        return null;
    }

    /// <summary>
    /// Hands the file to the CSV parser, watching each line (a record: quoted line breaks belong to it): once a line passes
    /// <see cref="DelegateCsv.MaxColumns"/> columns or its length limit (<see cref="DelegateCsv.MaxHeaderLength"/> for the
    /// header, <see cref="DelegateCsv.MaxLineLength"/> for a row), it reads the rest of that line only to count it and ends
    /// the file there. The parser keeps every field of a line: a 32 MB header of 16 million columns took the process to
    /// 940 MB; refused here it costs a buffer.
    /// </summary>
    private sealed class LineGuard(TextReader inner) : TextReader
    {
        private bool quoted;
        private bool done;
        private bool lastWasCr;
        private int physicalLine = 1;

        /// <summary>The line (as the parser numbers them) where the current record starts; the header is line 1.</summary>
        public int Line { get; private set; } = 1;
        public int Columns { get; private set; } = 1;
        public long Length { get; private set; }
        public bool TooLarge { get; private set; }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (TooLarge)
                return 0;
            var read = inner.Read(buffer);
            if (!Watch(buffer[..read]))
                return read;
            Span<char> scratch = stackalloc char[1024];
            while (!done && inner.Read(scratch) is var more and > 0)
                Watch(scratch[..more]);
            return 0;
        }

        public override Task<int> ReadAsync(char[] buffer, int index, int count) => ReadAsync(buffer.AsMemory(index, count)).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
        {
            if (TooLarge)
                return 0;
            var read = await inner.ReadAsync(buffer, cancellationToken);
            if (!Watch(buffer.Span[..read]))
                return read;
            var scratch = new char[4096];
            while (!done && await inner.ReadAsync(scratch, cancellationToken) is var more and > 0)
                Watch(scratch.AsSpan(0, more));
            return 0;
        }

        public override int Peek() => TooLarge ? -1 : inner.Peek();

        public override int Read()
        {
            Span<char> one = stackalloc char[1];
            return Read(one) == 1 ? one[0] : -1;
        }

        /// <summary>Counts the lines' columns and characters in these; true once a line is too large (then it counts that line to its end).</summary>
        private bool Watch(ReadOnlySpan<char> text)
        {
            foreach (var c in text)
            {
                // CR, LF and CRLF each end a line, as the parser reads them; a CRLF may fall across two reads.
                var afterCr = lastWasCr;
                lastWasCr = c == '\r';
                if (c == '\n' && afterCr)
                    continue;
                var lineEnd = c is '\r' or '\n';
                if (lineEnd)
                    physicalLine++;
                if (c == '"')
                    quoted = !quoted;
                else if (!quoted && c == ',')
                    Columns++;
                else if (!quoted && lineEnd)
                {
                    if (TooLarge)
                    {
                        done = true;
                        return true;
                    }
                    Line = physicalLine;
                    Columns = 1;
                    Length = 0;
                    continue;
                }
                Length++;
                if (!TooLarge && (Columns > DelegateCsv.MaxColumns || Length > (Line == 1 ? DelegateCsv.MaxHeaderLength : DelegateCsv.MaxLineLength)))
                    TooLarge = true;
            }
            return TooLarge;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
