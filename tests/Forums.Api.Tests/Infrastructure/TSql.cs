using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>SQL Server's own T-SQL parser (ScriptDom, as SqlPackage and SSMS use it), for SQL no server runs in the tests.</summary>
public static partial class TSql
{
    /// <summary>Fails with the parser's errors and the text when <paramref name="sql"/> is not T-SQL that SQL Server 2022 parses.</summary>
    public static void AssertParses(string sql)
    {
        // QUOTED_IDENTIFIER ON, as every SQL Server client library sets it: "Forums" is a name, not a string.
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        if (errors.Count > 0)
            Assert.Fail(string.Join('\n', errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")) + "\n--- in ---\n" + sql);
    }

    /// <summary>The batches of a script, split where sqlcmd and SSMS split it: at each line that is only GO.</summary>
    public static IReadOnlyList<string> Batches(string script) =>
        GoLine().Split(script).Where(batch => !string.IsNullOrWhiteSpace(batch)).ToList();

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
