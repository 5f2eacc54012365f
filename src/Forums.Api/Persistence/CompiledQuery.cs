using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Persistence;

/// <summary>
/// A compiled EF query that runs on either engine's context. EF binds a compiled query to the model it first runs
/// against and refuses any other, so it is compiled once per context type (SQLite, SQL Server), not once per process.
/// </summary>
public sealed class CompiledQuery<TParam, TResult>(Expression<Func<ForumsDbContext, TParam, CancellationToken, TResult>> query)
{
    private readonly ConcurrentDictionary<Type, Func<ForumsDbContext, TParam, CancellationToken, Task<TResult>>> compiled = new();

    public Task<TResult> RunAsync(ForumsDbContext db, TParam value, CancellationToken ct) =>
        compiled.GetOrAdd(db.GetType(), _ => EF.CompileAsyncQuery(query))(db, value, ct);
}
