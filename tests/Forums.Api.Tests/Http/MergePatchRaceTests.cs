using System.Data.Common;
using System.Net;
using System.Text.Json.Nodes;
using Forums.Api.Persistence;
using Forums.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Http;

/// <summary>
/// A merge patch applies only to the version it was merged into. A change that lands between the read the patch is
/// merged into and the write is never overwritten with what was read: the patch is refused, without If-Match with 409
/// (RFC 5789 §2.2: the client asked for no precondition, so not 412), with If-Match with the 412 the client asked for.
/// </summary>
public sealed class MergePatchRaceTests
{
    /// <summary>
    /// Once armed, changes the delegate just as the PUT's use case starts to load it, as a request that committed in
    /// between would have. It writes in the use case's own transaction (the only writer SQLite lets in then), so a
    /// refusal rolls it back with the rest: what this shows is the answer, and that the patch wrote nothing.
    /// </summary>
    private sealed class ChangeInBetween : DbCommandInterceptor
    {
        public string? Sql { get; set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Sql is { } sql && command.Transaction is not null && command.CommandText.Contains("FROM \"Delegates\"", StringComparison.Ordinal))
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
        public ChangeInBetween Change { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<SqliteForumsDbContext>(o => o.AddInterceptors(Change)));
        }
    }

    [Theory]
    [InlineData(false, HttpStatusCode.Conflict)]
    [InlineData(true, HttpStatusCode.PreconditionFailed)]
    public async Task A_change_that_lands_between_the_read_and_the_write_refuses_the_patch(bool ifMatch, HttpStatusCode status)
    {
        using var api = new RacingApi();
        var admin = api.CreateAdminClient();
        var forum = await admin.CreateForumWithCapacityExpectingCreatedAsync(null);
        var body = new DelegateBuilder();
        var id = (string)(await admin.RegisterExpectingCreatedAsync(forum, body))["id"]!;
        var url = $"/api/forums/{forum}/delegates/{id}";
        var etag = (await admin.GetAsync(url)).ETag();
        api.Change.Sql = $"UPDATE \"Delegates\" SET \"Phone\" = '+7 700 111 2233', \"Version\" = \"Version\" + 1 WHERE \"Email\" = '{body.Build()["email"]}'";

        var response = await admin.PatchJsonAsync(url, new JsonObject { ["nameLatin"] = "Changed" }, ifMatch ? [("If-Match", etag)] : []);

        var problem = await response.ShouldBeProblemAsync(status);
        if (!ifMatch)
            Assert.Contains("read it again and retry", (string)problem["detail"]!);
        Assert.Null(api.Change.Sql);
        Assert.Equal(body.Build()["nameLatin"]!.ToString(), (string)(await admin.GetDelegateExpectingOkAsync(forum, id))["nameLatin"]!);
    }
}
