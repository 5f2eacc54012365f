using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Forums.Api.Persistence;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace Forums.Api.Tests.Infrastructure;

/// <summary>
/// The API's SQL Server context, registered by <see cref="DatabaseSetup.AddForumsDatabase"/> as in production, on a
/// connection that reaches no server: EF Core's interceptor hands it a connection that opens nothing, records the text
/// of every command sent on it (EF's own, and those code makes on the context's connection and transaction) and
/// answers with no rows, or the rows the test gives.
/// </summary>
public sealed class SqlServerCapture : IAsyncDisposable
{
    private readonly List<SentCommand> commands = [];
    private readonly ServiceProvider services;
    private readonly AsyncServiceScope scope;

    public SqlServerCapture()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseSetup.SqlServerProvider,
            ["ConnectionStrings:SqlServer"] = "Server=tcp:no-server.invalid,1433;Database=Forums;User Id=forums;Password=none;Encrypt=true",
        }).Build();
        var collection = new ServiceCollection().AddLogging()
            .AddForumsDatabase(configuration, new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory });
        collection.ConfigureDbContext<SqlServerForumsDbContext>(options => options.AddInterceptors(new NoServer(this)), ServiceLifetime.Singleton);
        services = collection.BuildServiceProvider();
        scope = services.CreateAsyncScope();
    }

    /// <summary>Every command's text, in the order sent.</summary>
    public IReadOnlyList<string> Commands => Sent.Select(c => c.Text).ToList();

    /// <summary>Every command with the values of its parameters, in the order sent.</summary>
    public IReadOnlyList<SentCommand> Sent
    {
        get
        {
            lock (commands)
                return commands.ToList();
        }
    }

    /// <summary>The rows that answer a query, chosen by its text; null answers no rows.</summary>
    public Func<string, DataTable?> Rows { get; set; } = _ => null;

    /// <summary>The value that answers a scalar command, chosen by its text; DBNull by default.</summary>
    public Func<string, object> Scalar { get; set; } = _ => DBNull.Value;

    public IServiceProvider Services => scope.ServiceProvider;

    public ForumsDbContext Db => Services.GetRequiredService<ForumsDbContext>();

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
    }

    /// <summary>One row of these columns, in the order the query selects them (DBNull for a null).</summary>
    public static DataTable Row(params (string Column, object Value)[] columns)
    {
        var table = NoRowsOf(columns.Select(c => new DataColumn(c.Column, c.Value is DBNull ? typeof(object) : c.Value.GetType())));
        table.Rows.Add(columns.Select(c => c.Value).ToArray());
        return table;
    }

    // EF Core's buffering reader (under SQL Server's retrying strategy) checks that a result has the columns it reads
    // before it reads a row: no rows, under more columns than any query here selects.
    private static DataTable NoRows() => NoRowsOf(Enumerable.Range(0, 100).Select(i => new DataColumn($"c{i}", typeof(object))));

    private static DataTable NoRowsOf(IEnumerable<DataColumn> columns)
    {
        var table = new DataTable();
        table.Columns.AddRange(columns.ToArray());
        return table;
    }

    private void Record(DbCommand command)
    {
        var sent = new SentCommand(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => p.Value).ToArray());
        lock (commands)
            commands.Add(sent);
    }

    // The connection itself is replaced, rather than its opening and its commands intercepted: the place ledger runs
    // commands of its own on the transaction's connection, which EF's command interceptors never see, and a SqlCommand
    // refuses a transaction that is not SqlClient's.
    private sealed class NoServer(SqlServerCapture capture) : DbConnectionInterceptor
    {
        public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
            InterceptionResult<DbConnection>.SuppressWithResult(new Connection(capture));
    }

    private sealed class Connection(SqlServerCapture capture) : DbConnection
    {
        private ConnectionState state = ConnectionState.Closed;

        [AllowNull]
        public override string ConnectionString { get; set; } = "";
        public override string Database => "Forums";
        public override string DataSource => "no-server.invalid";
        public override string ServerVersion => "16.00.1000";
        public override ConnectionState State => state;

        public override void ChangeDatabase(string databaseName) { }
        public override void Open() => state = ConnectionState.Open;
        public override void Close() => state = ConnectionState.Closed;
        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => new Transaction(this, isolationLevel);
        protected override DbCommand CreateDbCommand() => new Command(capture) { Connection = this };
    }

    private sealed class Transaction(DbConnection connection, IsolationLevel isolationLevel) : DbTransaction
    {
        public override IsolationLevel IsolationLevel => isolationLevel;
        protected override DbConnection DbConnection => connection;
        public override void Commit() { }
        public override void Rollback() { }
    }

    private sealed class Command(SqlServerCapture capture) : DbCommand
    {
        // SQL Server's own parameters, so that EF Core's SQL Server type mappings configure them as they do in production.
        private readonly SqlParameterCollection parameters = new SqlCommand().Parameters;

        [AllowNull]
        public override string CommandText { get; set; } = "";
        public override int CommandTimeout { get; set; }
        public override CommandType CommandType { get; set; }
        public override UpdateRowSource UpdatedRowSource { get; set; }
        public override bool DesignTimeVisible { get; set; }
        protected override DbConnection? DbConnection { get; set; }
        protected override DbParameterCollection DbParameterCollection => parameters;
        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel() { }
        public override void Prepare() { }
        protected override DbParameter CreateDbParameter() => new SqlParameter();

        // Every write changed one row: a place is free, a scan is the first.
        public override int ExecuteNonQuery()
        {
            capture.Record(this);
            return 1;
        }

        public override object ExecuteScalar()
        {
            capture.Record(this);
            return capture.Scalar(CommandText);
        }

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
        {
            capture.Record(this);
            return (capture.Rows(CommandText) ?? NoRows()).CreateDataReader();
        }
    }
}

/// <summary>A command's text and its parameters' values, in the order they were added.</summary>
public sealed record SentCommand(string Text, IReadOnlyList<object?> Values);
