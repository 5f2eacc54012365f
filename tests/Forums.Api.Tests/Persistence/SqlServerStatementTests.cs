using System.Security.Claims;
using Forums.Api.Auth;
using Forums.Api.Domain;
using Forums.Api.Features;
using Forums.Api.Features.CheckIns.CheckInDelegate;
using Forums.Api.Features.Delegates;
using Forums.Api.Features.Delegates.ListDelegates;
using Forums.Api.Features.Delegates.RegisterDelegate;
using Forums.Api.Features.Delegations;
using Forums.Api.Features.Delegations.ListDelegations;
using Forums.Api.Features.Forums;
using Forums.Api.Features.Forums.ListForums;
using Forums.Api.Features.Sessions;
using Forums.Api.Features.Sessions.ListSessions;
using Forums.Api.Features.Speakers.ListSpeakers;
using Forums.Api.Features.Tokens.ListTokens;
using Forums.Api.Http.Idempotency;
using Forums.Api.Http.Paging;
using Forums.Api.Persistence;
using Forums.Api.Persistence.LeanReads;
using Forums.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Forums.Api.Tests.Persistence;

/// <summary>
/// No SQL Server runs in the tests: every statement the API can send to one is parsed by SQL Server's own T-SQL parser.
/// Each is captured as the production code sends it, on the API's SQL Server context (<see cref="SqlServerCapture"/>),
/// never copied. What sends SQL of its own, found by grepping src/ for ExecuteUpdate, ExecuteDelete, FromSql,
/// ExecuteSql, SqlQuery and CreateCommand:
/// <list type="bullet">
/// <item>CreateCommand: PlaceLedger's six statements ("Place ledger"); LeanReader's (Persistence/LeanReads), not yet here.</item>
/// <item>ExecuteUpdate: ProgrammeLock.TakeAsync, SessionRoomKeys.RefreshAsync, DelegationHeads.DismissAsync,
/// CheckInDelegateEndpoint.CheckInFirstAsync, IdempotencyMiddleware (an answer kept).</item>
/// <item>ExecuteDelete: IdempotencyMiddleware (a stale key, an answer not kept), IdempotencyRecordPurger.</item>
/// <item>ExecuteSqlRaw: DatabaseStartup's PRAGMA journal_mode, sent to SQLite only. FromSql, SqlQuery: none.</item>
/// </list>
/// Then the hot EF queries as their endpoints build them, the saves on those paths, and the migrations as
/// DatabaseStartup applies them; the idempotent script that is deployed is parsed by <see cref="MigrationTests"/>.
/// A new case is one more entry in <see cref="Cases"/>; fixed texts go in as <c>() => Task.FromResult(texts)</c>.
/// </summary>
public sealed class SqlServerStatementTests
{
    private static readonly Guid ForumId = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
    private static readonly Guid OtherForumId = Guid.Parse("0193a1b2-0000-7000-8000-000000000002");
    private static readonly Guid DelegationId = Guid.Parse("0193a1b2-0000-7000-8000-000000000003");
    private static readonly Guid OtherDelegationId = Guid.Parse("0193a1b2-0000-7000-8000-000000000004");
    private static readonly Guid PersonId = Guid.Parse("0193a1b2-0000-7000-8000-000000000005");
    private static readonly DateTime Now = new(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly ForumScope Forum = new(ForumId, ForumStatus.Published, RequiresApproval: false, "Europe/Paris", "paris-forum", Now);
    private static readonly string NameCursor = Cursor.Encode(SortKeys.For("Ana", PersonId));

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_statement_the_api_sends_to_sql_server_parses(string name)
    {
        var statements = await Cases[name]();

        Assert.NotEmpty(statements);
        foreach (var sql in statements)
            TSql.AssertParses(sql);
    }

    [Fact]
    public void The_parser_refuses_what_only_sqlite_understands()
    {
        TSql.AssertParses("""UPDATE "Forums" SET "PlacesTaken" = "PlacesTaken" WHERE "Id" = @id""");

        Assert.Throws<Xunit.Sdk.FailException>(() => TSql.AssertParses("SELECT [f].[Id] FROM [Forums] AS [f] LIMIT 1"));
        Assert.Throws<Xunit.Sdk.FailException>(() => TSql.AssertParses("""INSERT OR IGNORE INTO "Forums" ("Id") VALUES (@id)"""));
    }

    [Fact]
    public async Task A_compiled_query_runs_on_both_engines_in_one_process()
    {
        // EF binds a compiled query to the first model it runs on; the API's are compiled per model, so the
        // SQLite context's use first does not break SQL Server's (and the order of the cases above does not matter).
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:"))
        {
            await connection.OpenAsync();
            await using var sqlite = new SqliteForumsDbContext(new DbContextOptionsBuilder<SqliteForumsDbContext>().UseSqlite(connection).Options);
            await sqlite.Database.EnsureCreatedAsync();
            Assert.NotNull((await ForumScope.ForReaderAsync(sqlite, new ClaimsPrincipal(), ForumId, default)).Problem);
        }

        await using var capture = new SqlServerCapture();
        await ForumScope.ForReaderAsync(capture.Db, new ClaimsPrincipal(), ForumId, default);

        TSql.AssertParses(Assert.Single(capture.Commands));
    }

    private static readonly Dictionary<string, Func<Task<IReadOnlyList<string>>>> Cases = new()
    {
        ["Place ledger: lock, take, release, move a quota"] = Sent(8, async capture =>
        {
            var places = capture.Services.GetRequiredService<PlaceLedger>();
            await capture.Db.InTransactionAsync(async ct =>
            {
                await places.LockAsync(ForumId, [DelegationId], ct);
                await places.TryTakeAsync(ForumId, DelegationId, ct);
                await places.ReleaseAsync(ForumId, DelegationId, ct);
                return Outcome.Done(await places.MoveQuotaAsync(DelegationId, OtherDelegationId, ct));
            }, default);
        }),
        ["Place ledger: promotion from the waitlist"] = Sent(4, async capture =>
        {
            var places = capture.Services.GetRequiredService<PlaceLedger>();
            await capture.Db.InTransactionAsync(async ct =>
            {
                await places.LockForPromotionAsync(ForumId, [DelegationId], ct);
                return Outcome.Done(await places.PromoteWaitlistedAsync(ForumId, requiresApproval: false, Now, ct));
            }, default);
        }),
        ["Place ledger: the next waitlisted"] = Sent(1, capture =>
            PlaceLedger.NextWaitlisted(capture.Db, ForumId, 50).ToListAsync()),
        ["Programme lock"] = Sent(3, async capture =>
        {
            capture.Rows = sql => sql.Contains("[TimeZone]")
                ? SqlServerCapture.Row(("StartDate", new DateOnly(2026, 11, 2)), ("EndDate", new DateOnly(2026, 11, 4)), ("TimeZone", "Europe/Paris"))
                : null;
            var calendar = await ProgrammeLock.TakeAsync(capture.Db, ForumId, default);
            await ProgrammeLock.SessionsOutsideAsync(capture.Db, ForumId, calendar.StartDate, calendar.EndDate, calendar.Zone, default);
        }),
        ["Programme rules: counts and conflicts"] = Sent(4, async capture =>
        {
            capture.Rows = sql => sql.StartsWith("SELECT COUNT(*)", StringComparison.Ordinal) ? SqlServerCapture.Row(("Count", 0)) : null;
            await ProgrammeRules.CheckRoomForSessionAsync(capture.Db, ForumId, default);
            await ProgrammeRules.CheckRoomForSpeakerAsync(capture.Db, ForumId, default);
            await ProgrammeRules.CheckConflictsAsync(capture.Db, ForumId, PersonId, new TimeSlot(Now, Now.AddHours(1)), "Hall A",
                [PersonId, OtherForumId], default);
        }),
        ["Session room keys"] = Sent(2, capture =>
        {
            capture.Rows = sql => sql.Contains("[RoomKey]")
                ? SqlServerCapture.Row(("Id", PersonId), ("Room", "Hall  A"), ("RoomKey", "stale"))
                : null;
            return SessionRoomKeys.RefreshAsync(capture.Db, default);
        }),
        ["Delegation heads dismissed"] = Sent(1, capture => DelegationHeads.DismissAsync(capture.Db, PersonId, Now, default)),
        ["Check-in: the first scan"] = Sent(1, capture => CheckInDelegateEndpoint.CheckInFirstAsync(capture.Db, PersonId, Now, default)),
        ["Idempotency: a new key, its answer kept"] = Sent(3, capture =>
            RunIdempotentAsync(capture, AcceptsIdempotencyKey.KeepingTheAnswer, StatusCodes.Status201Created)),
        ["Idempotency: a new key, its answer not kept"] = Sent(3, capture =>
            RunIdempotentAsync(capture, AcceptsIdempotencyKey.KeepingTheAnswer, StatusCodes.Status422UnprocessableEntity)),
        ["Idempotency: a stale key, its answer read again"] = Sent(4, capture =>
        {
            capture.Rows = sql => sql.Contains("FROM [IdempotencyRecords]") ? ExpiredRecord() : null;
            return RunIdempotentAsync(capture, AcceptsIdempotencyKey.ReadingAgainWith("getDelegate"), StatusCodes.Status201Created);
        }),
        ["Idempotency: the purger"] = Sent(1, PurgeOnceAsync),
        ["Migrations, as the API applies them at start-up"] = Sent(null, async capture =>
        {
            // sp_getapplock's 0: the migrations lock is granted; OBJECT_ID's NULL: no history table yet.
            capture.Scalar = sql => sql.Contains("sp_getapplock") ? 0 : DBNull.Value;
            await capture.Db.Database.MigrateAsync();
            Assert.Equal(capture.Db.Database.GetMigrations().Count(), capture.Commands.Count(c => c.Contains("INSERT INTO [__EFMigrationsHistory]")));
        }),
        // The lean reader's statements (forum, scope, delegate, the 16 delegate pages, the e-mail lookup, the token), as
        // SqlServerLeanReader sends them: TOP rather than LIMIT, the same parameters.
        ["Lean reads: every statement"] = () => Task.FromResult(LeanStatements.ForSqlServer()),
        ["Forum scope (compiled query)"] = Sent(1, capture => ForumScope.ForReaderAsync(capture.Db, new ClaimsPrincipal(), ForumId, default)),
        ["Forum list: anonymous"] = Sent(1, capture => ListForumsEndpoint.ReadPageAsync(capture.Db, new ClaimsPrincipal(), new ListForumsRequest(), default)),
        ["Forum list: an organiser, filtered, searched, after a cursor"] = Sent(1, capture =>
            ListForumsEndpoint.ReadPageAsync(capture.Db, Organiser(ForumId, OtherForumId),
                new ListForumsRequest { Status = ForumStatus.Draft, Country = "fr", Q = "Forum", Cursor = Cursor.Encode("lyon-2026"), Limit = 50 }, default)),
        ["Forum list: an admin"] = Sent(1, capture => ListForumsEndpoint.ReadPageAsync(capture.Db, Admin(), new ListForumsRequest { Q = "x" }, default)),
        ["Delegate list: searched"] = Sent(1, capture =>
            ListDelegatesEndpoint.SearchPageAsync(capture.Db, ForumId, new ListDelegatesRequest { ForumId = ForumId, Q = "ana" }, default)),
        ["Delegate list: searched, filtered, after a cursor"] = Sent(1, capture =>
            ListDelegatesEndpoint.SearchPageAsync(capture.Db, ForumId, new ListDelegatesRequest
            {
                ForumId = ForumId, Q = "ana", Status = RegistrationStatus.Confirmed, DelegationId = DelegationId, Country = "de",
                Cursor = NameCursor, Limit = 100,
            }, default)),
        ["Session list"] = Sent(2, capture => ListSessionsEndpoint.ReadPageAsync(capture.Db, Forum, new ListSessionsRequest { ForumId = ForumId }, default)),
        ["Session list: filtered, after a cursor"] = Sent(2, capture =>
            ListSessionsEndpoint.ReadPageAsync(capture.Db, Forum, new ListSessionsRequest
            {
                ForumId = ForumId, Day = new DateOnly(2026, 11, 2), Room = "Hall A", Kind = SessionKind.Workshop, SpeakerId = PersonId,
                Language = "fr", Cursor = Cursor.Encode(SortKeys.ForOrder(3, PersonId)),
            }, default)),
        ["Speaker list"] = Sent(1, capture => ListSpeakersEndpoint.ReadPageAsync(capture.Db, Forum, new ListSpeakersRequest { ForumId = ForumId }, default)),
        ["Speaker list: searched, after a cursor"] = Sent(1, capture =>
            ListSpeakersEndpoint.ReadPageAsync(capture.Db, Forum, new ListSpeakersRequest { ForumId = ForumId, Q = "ana", Cursor = NameCursor }, default)),
        ["Delegation list"] = Sent(1, capture =>
            ListDelegationsEndpoint.ReadPageAsync(capture.Db, Forum, new ListDelegationsRequest { ForumId = ForumId }, default)),
        ["Delegation list: filtered, searched, after a cursor"] = Sent(1, capture =>
            ListDelegationsEndpoint.ReadPageAsync(capture.Db, Forum, new ListDelegationsRequest
            {
                ForumId = ForumId, Kind = DelegationKind.Organisation, Country = "it", Q = "un", Cursor = NameCursor,
            }, default)),
        ["Token list"] = Sent(1, capture => ListTokensEndpoint.ReadPageAsync(capture.Db, new ListTokensRequest(), default)),
        ["Token list: filtered, after a cursor"] = Sent(1, capture =>
            ListTokensEndpoint.ReadPageAsync(capture.Db, new ListTokensRequest
            {
                Role = TokenRole.Organiser, ForumId = ForumId, Cursor = Cursor.Encode(TokenSecrets.Scheme + "abc"),
            }, default)),
        ["Registration: the delegation check, the place and the delegate"] = Sent(5, async capture =>
        {
            capture.Rows = sql => sql.StartsWith("SELECT CASE", StringComparison.Ordinal) ? SqlServerCapture.Row(("Exists", true)) : null;
            var db = capture.Db;
            var places = capture.Services.GetRequiredService<PlaceLedger>();
            Assert.Null(await DelegateRegistrations.CheckDelegationAsync(db, ForumId, DelegationId, default));
            var details = new DelegateDetails("Ana Lima", null, null, null, "BR", "ana@example.org", null, ["pt"],
                new DelegateNeeds(null, null, null), DelegationId);
            await db.InTransactionAsync(async ct =>
            {
                var registered = await new RegisterDelegateCommand(PersonId, ForumId, RequiresApproval: false, details).RunAsync(db, places, Now, ct);
                await db.SaveChangesAsync(ct);
                return Outcome.Done(registered);
            }, default);
        }),
    };

    /// <summary>
    /// What the work sent, in a fresh capture; exactly <paramref name="count"/> commands when given, so that a path cut
    /// short is seen.
    /// </summary>
    private static Func<Task<IReadOnlyList<string>>> Sent(int? count, Func<SqlServerCapture, Task> work) => async () =>
    {
        await using var capture = new SqlServerCapture();
        await work(capture);
        var sent = capture.Commands;
        Assert.True(count is null || sent.Count == count, $"Expected {count} commands, {sent.Count} were sent:\n" + string.Join("\n----\n", sent));
        return sent;
    };

    private static async Task RunIdempotentAsync(SqlServerCapture capture, AcceptsIdempotencyKey accepts, int status)
    {
        var middleware = new IdempotencyMiddleware(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }, TimeProvider.System, NullLogger<IdempotencyMiddleware>.Instance);
        var context = new DefaultHttpContext { RequestServices = capture.Services };
        context.Request.Method = HttpMethods.Post;
        context.Request.Headers[IdempotencyMiddleware.HeaderName] = "retry-7";
        context.Request.RouteValues["forumId"] = ForumId.ToString();
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(accepts, new EndpointNameMetadata("registerDelegate")),
            "registerDelegate"));

        await middleware.InvokeAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
    }

    // The record of a first request that died with its instance, long ago: the claim deletes it and claims the key anew.
    private static System.Data.DataTable ExpiredRecord() => SqlServerCapture.Row(
        ("Scope", "anonymous registerDelegate forumid=" + ForumId), ("Key", "retry-7"), ("Body", DBNull.Value), ("Completed", false),
        ("ContentType", DBNull.Value), ("CreatedAt", Now.AddDays(-2)), ("ETag", DBNull.Value), ("ExpiresAt", Now.AddDays(-1)),
        ("Location", DBNull.Value), ("RequestHash", new string('0', 64)), ("StatusCode", DBNull.Value));

    private static async Task PurgeOnceAsync(SqlServerCapture capture)
    {
        using var purger = new IdempotencyRecordPurger(capture.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            new IdempotencyPurgeInterval(TimeSpan.FromHours(1)), NullLogger<IdempotencyRecordPurger>.Instance);
        await purger.StartAsync(default);
        // It purges once at start, then waits for its period.
        for (var waited = 0; capture.Commands.Count == 0 && waited < 100; waited++)
            await Task.Delay(50);
        await purger.StopAsync(default);
    }

    private static ClaimsPrincipal Admin() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Caller.AdminRole)], "test"));

    private static ClaimsPrincipal Organiser(params Guid[] forums) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, Caller.OrganiserRole), .. forums.Select(f => new Claim(Caller.ForumClaim, f.ToString()))], "test"));
}
