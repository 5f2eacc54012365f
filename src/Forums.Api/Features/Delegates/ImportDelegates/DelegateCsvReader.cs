using System.Text;
using CsvHelper;
using Forums.Api.Domain;
using Forums.Api.Features.Delegations;

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

/// <summary>Reads an import file into rows; every problem is kept with its line and column, none stops the reading.</summary>
internal static class DelegateCsvReader
{
    public sealed record Result(List<CsvDelegateRow> Rows, Dictionary<string, string[]> Errors, bool TooManyRows);

    public static async Task<Result> ReadAsync(Stream body, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>();
        void Fail(string key, string message) => (errors.TryGetValue(key, out var list) ? list : errors[key] = []).Add(message);
        var rows = new List<CsvDelegateRow>();
        try
        {
            using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            using var guard = new LineGuard(reader);
            using var csv = new CsvReader(guard, DelegateCsv.Configuration());
            var read = await csv.ReadAsync();
            if (guard.TooLarge)
                return TooLarge();
            if (!read || !csv.ReadHeader() || csv.HeaderRecord is not { Length: > 0 } header)
            {
                Fail("header", "The file is empty; it needs a header row naming its columns.");
                return Done();
            }
            CheckHeader(header, Fail);
            if (errors.Count > 0)
                return Done();

            while (await csv.ReadAsync())
            {
                ct.ThrowIfCancellationRequested();
                if (rows.Count == DelegateCsv.MaxRows)
                    return new Result(rows, [], TooManyRows: true);
                rows.Add(Row(csv, header));
            }
            if (guard.TooLarge)
                return TooLarge();

            Result TooLarge()
            {
                if (guard.Line == 1)
                    Fail("header", $"The header names {guard.Columns:N0} columns in {guard.Length:N0} characters; an import file's header has " +
                                   $"at most {DelegateCsv.MaxColumns} columns and {DelegateCsv.MaxHeaderLength:N0} characters. {DelegateCsv.KnownColumns}");
                else
                    Fail($"line {guard.Line}", $"The line has {guard.Columns:N0} columns in {guard.Length:N0} characters; a line of an import " +
                                               $"file has at most {DelegateCsv.MaxColumns} columns and {DelegateCsv.MaxLineLength:N0} characters.");
                return Done();
            }
        }
        catch (DecoderFallbackException)
        {
            Fail("file", "The file is not valid UTF-8.");
        }
        catch (CsvHelperException e)
        {
            Fail($"line {e.Context?.Parser?.RawRow ?? 0}", "The line is not valid CSV (RFC 4180): check its quotes.");
        }
        return Done();

        Result Done() => new(rows, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), false);
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

    private static CsvDelegateRow Row(CsvReader csv, string[] header)
    {
        string? Field(string column)
        {
            var index = Array.FindIndex(header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
            return index < 0 ? null : DelegateCsv.Cell(csv.GetField(index));
        }
        Dictionary<string, string>? Texts(string prefix)
        {
            var texts = new Dictionary<string, string>();
            for (var i = 0; i < header.Length; i++)
                if (DelegateCsv.IsLanguageColumn(header[i], prefix, out var tag) && DelegateCsv.Cell(csv.GetField(i)) is { } text)
                    texts[tag] = text;
            return texts.Count > 0 ? texts : null;
        }

        return new CsvDelegateRow
        {
            Line = csv.Parser.RawRow,
            Name = Field(DelegateCsv.Name) ?? "",
            NameLatin = Field(DelegateCsv.NameLatin),
            Email = Field(DelegateCsv.Email),
            Phone = Field(DelegateCsv.Phone),
            Country = Field(DelegateCsv.Country),
            Languages = Field(DelegateCsv.Languages)?.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries),
            Needs = new DelegateNeedsRequest
            {
                Diet = Field(DelegateCsv.Diet), Access = Field(DelegateCsv.Access), Interpretation = Field(DelegateCsv.Interpretation),
            },
            Position = Texts(DelegateCsv.PositionPrefix),
            Organisation = Texts(DelegateCsv.OrganisationPrefix),
            DelegationName = Field(DelegateCsv.Delegation),
        };
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
