using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Forums.Api.Persistence;

/// <summary>
/// A compiled EF query that runs on any context of the API. EF binds a compiled query to the model it first runs
/// against and refuses any other (the SQLite and SQL Server contexts each have theirs, and so may two hosts in one
/// process), so it is compiled once per model, not once per process.
/// </summary>
public sealed class CompiledQuery<TParam, TResult>(Expression<Func<ForumsDbContext, TParam, CancellationToken, TResult>> query)
{
    private readonly ConditionalWeakTable<IModel, Func<ForumsDbContext, TParam, CancellationToken, Task<TResult>>> compiled = new();

    public Task<TResult> RunAsync(ForumsDbContext db, TParam value, CancellationToken ct) =>
        compiled.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, value, ct);
}
