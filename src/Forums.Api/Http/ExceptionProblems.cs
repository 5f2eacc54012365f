using Forums.Api.Domain;
using Forums.Api.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Forums.Api.Http;

/// <summary>Turns what escapes an endpoint into problem details; nothing about the failure's insides leaks.</summary>
internal sealed class ExceptionProblems(IProblemDetailsService problems, ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, detail) = exception switch
        {
            RuleViolationException rule => (StatusCodes.Status409Conflict, rule.Message),
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict,
                "The resource was changed by another request at the same time; read it again and retry."),
            DbUpdateException update when DbErrors.IsUniqueViolation(update) => (StatusCodes.Status409Conflict,
                "Another resource already has one of the unique values sent."),
            DbUpdateException update when DbErrors.IsForeignKeyViolation(update) => (StatusCodes.Status409Conflict,
                "Another resource still refers to this one, or this one refers to a resource that is gone."),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            _ when DbErrors.IsUnavailable(exception) => (StatusCodes.Status503ServiceUnavailable,
                "The database cannot take the request now (busy, read-only or unreachable); retry shortly. Nothing was changed."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred. The trace id identifies it in the logs."),
        };

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Database unavailable on {Method} {Path} (trace {TraceId}): {Error}",
                context.Request.Method, context.Request.Path, Problems.TraceId(context), exception.GetBaseException().Message);
            context.Response.Headers.RetryAfter = "5";
        }
        else if (status >= 500)
            logger.LogError(exception, "Unhandled exception on {Method} {Path} (trace {TraceId})",
                context.Request.Method, context.Request.Path, Problems.TraceId(context));

        context.Response.StatusCode = status;
        // A 400 is the same document as every other 400: its errors name what was wrong, here the body ("$").
        var problem = status == StatusCodes.Status400BadRequest
            ? new HttpValidationProblemDetails(Problems.Capped([new("$", [detail])]))
            {
                Title = "One or more fields are invalid.",
                Detail = "See errors: each key names a field as it is written in the request.",
            }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Detail = detail };
        problem.Status = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }
}
