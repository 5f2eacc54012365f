using System.Data.Common;
using System.Net;
using Forums.Api.Persistence;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Features.Delegates;

/// <summary>An e-mail taken by another request while an import reads its file is answered on its line, not as a conflict at the write.</summary>
public sealed class ImportRaceTests
{
    /// <summary>Once armed, gives a delegate the e-mail just as the import's transaction starts: as a request that committed before its locks.</summary>
    private sealed class LateEmail : DbCommandInterceptor
    {
        public string? Sql { get; set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Sql is { } sql && command.Transaction is not null && command.CommandText.Contains("FROM \"Delegations\"", StringComparison.Ordinal))
            {
                Sql = null;
                await using var update = command.Connection!.CreateCommand();
                update.Transaction = command.Transaction;
                update.CommandText = sql;
                await update.ExecuteNonQueryAsync(cancellationToken);
            }
            return result;
        }
    }

    private sealed class RacingApi() : ForumsApiFactory(NewDataFolder(), seed: false)
    {
        public LateEmail LateEmail { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<SqliteForumsDbContext>(o => o.AddInterceptors(LateEmail)));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_email_registered_while_the_import_reads_its_file_is_a_400_naming_the_line(bool validateOnly)
    {
        using var api = new RacingApi();
        var admin = api.CreateAdminClient();
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        await admin.RegisterExpectingCreatedAsync(forum, new DelegateBuilder().With("email", "early@example.kz"));
        api.LateEmail.Sql = "UPDATE \"Delegates\" SET \"Email\" = 'late@example.kz' WHERE \"Email\" = 'early@example.kz'";

        var response = await admin.ImportAsync(forum, CsvFiles.File(3, i => CsvFiles.Row(i, email: i == 2 ? "late@example.kz" : null)), validateOnly);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["line 3: email"], errors.Select(e => e.Key));
        Assert.StartsWith("Already registered", (string)errors["line 3: email"]![0]!);
        Assert.Equal(1, await api.WithDbAsync(db => db.Delegates.CountAsync(d => d.ForumId == Guid.Parse(forum))));
    }
}
