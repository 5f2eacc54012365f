using System.Data.Common;
using System.Net;
using Forums.Api.Persistence;
using Forums.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Forums.Api.Tests.Http;

/// <summary>Another instance claiming the same key between a request's read and its insert, played on the insert itself.</summary>
public sealed class IdempotencyRaceTests(IdempotencyRaceTests.RacingApi api) : IClassFixture<IdempotencyRaceTests.RacingApi>
{
    public enum Rival { ClaimsFirst, ClaimsFirstThenReleases, AlwaysClaimsFirstThenReleases, DiskFails }

    /// <summary>Once armed with a key, plays the rival on each insert of that key's record, and counts those inserts.</summary>
    public sealed class RivalInstance : DbCommandInterceptor
    {
        private string? key;
        private Rival rival;
        private bool played;

        public int Inserts { get; private set; }

        public void Arm(string armedKey, Rival armedRival) => (key, rival, played, Inserts) = (armedKey, armedRival, false, 0);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await BeforeAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await BeforeAsync(command, cancellationToken);
            return result;
        }

        public override async Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            if (IsInsertOfTheKey(command) && rival is Rival.ClaimsFirstThenReleases or Rival.AlwaysClaimsFirstThenReleases)
                await RunLikeAsync(command, "DELETE FROM \"IdempotencyRecords\" WHERE \"Key\" = @key", [new SqliteParameter("@key", key)], cancellationToken);
        }

        private async Task BeforeAsync(DbCommand command, CancellationToken cancellationToken)
        {
            if (!IsInsertOfTheKey(command))
                return;
            Inserts++;
            if (rival is Rival.DiskFails)
                throw new SqliteException("disk I/O error", 10, 10);
            if (played && rival is not Rival.AlwaysClaimsFirstThenReleases)
                return;
            played = true;
            await RunLikeAsync(command, command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => new SqliteParameter(p.ParameterName, p.Value) { DbType = p.DbType }), cancellationToken);
        }

        private bool IsInsertOfTheKey(DbCommand command) =>
            key is not null && command.CommandText.Contains("INSERT INTO \"IdempotencyRecords\"", StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, key));

        private static async Task RunLikeAsync(DbCommand command, string sql, IEnumerable<SqliteParameter> parameters, CancellationToken cancellationToken)
        {
            await using var rivals = command.Connection!.CreateCommand();
            rivals.Transaction = command.Transaction;
            rivals.CommandText = sql;
            rivals.Parameters.AddRange(parameters.ToArray());
            await rivals.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public sealed class RacingApi() : ForumsApiFactory(null, seed: false)
    {
        public RivalInstance Rival { get; } = new();

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<SqliteForumsDbContext>(o => o.AddInterceptors(Rival)));
        }
    }

    private readonly HttpClient client = api.CreateAdminClient();

    private async Task<HttpResponseMessage> CreateWithRivalAsync(Rival rival, string slug)
    {
        var key = Guid.NewGuid().ToString();
        api.Rival.Arm(key, rival);
        return await client.PostJsonAsync("/api/forums", new ForumBuilder(slug).Build(), ("Idempotency-Key", key));
    }

    private Task<int> CountForumsWithSlug(string slug) => api.WithDbAsync(db => db.Forums.CountAsync(f => f.Slug == slug));

    [Fact]
    public async Task A_key_claimed_by_another_instance_just_before_the_insert_answers_as_in_flight()
    {
        var slug = $"race-{Guid.NewGuid():N}"[..20];

        var response = await CreateWithRivalAsync(Rival.ClaimsFirst, slug);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("The first request with this Idempotency-Key is still being processed; retry shortly.", (string)problem["detail"]!);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal(0, await CountForumsWithSlug(slug));
    }

    [Fact]
    public async Task A_key_the_other_instance_released_before_the_re_read_is_claimed_and_runs()
    {
        var slug = $"race-{Guid.NewGuid():N}"[..20];

        var response = await CreateWithRivalAsync(Rival.ClaimsFirstThenReleases, slug);

        await response.ShouldBeAsync(HttpStatusCode.Created);
        Assert.False(response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, api.Rival.Inserts);
        Assert.Equal(1, await CountForumsWithSlug(slug));
    }

    [Fact]
    public async Task A_key_that_keeps_colliding_is_tried_four_times_then_answers_the_collision_s_409()
    {
        var slug = $"race-{Guid.NewGuid():N}"[..20];

        var response = await CreateWithRivalAsync(Rival.AlwaysClaimsFirstThenReleases, slug);

        await response.ShouldBeProblemOfTypeAsync(HttpStatusCode.Conflict, "idempotency-request-in-flight");
        Assert.Equal(4, api.Rival.Inserts);
        Assert.Equal(0, await CountForumsWithSlug(slug));
    }

    [Fact]
    public async Task A_failed_insert_that_is_not_a_collision_is_not_retried()
    {
        var slug = $"race-{Guid.NewGuid():N}"[..20];

        var response = await CreateWithRivalAsync(Rival.DiskFails, slug);

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal(1, api.Rival.Inserts);
        Assert.Equal(0, await CountForumsWithSlug(slug));
    }
}
