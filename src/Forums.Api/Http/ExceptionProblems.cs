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
        var (type, status, detail) = exception switch
        {
            RuleViolationException rule => (ProblemTypes.Of(rule.Rule), StatusCodes.Status409Conflict, rule.Message),
            DbUpdateConcurrencyException => (ProblemTypes.ChangedConcurrently, StatusCodes.Status409Conflict,
                "The resource was changed by another request at the same time; read it again and retry."),
            DbUpdateException update when DbErrors.IsUniqueViolation(update) => (ProblemTypes.ChangedConcurrently, StatusCodes.Status409Conflict,
                "Another resource already has one of the unique values sent."),
            DbUpdateException update when DbErrors.IsForeignKeyViolation(update) => (ProblemTypes.StillReferenced, StatusCodes.Status409Conflict,
                "Another resource still refers to this one, or this one refers to a resource that is gone."),
            // Kestrel's own words name its settings (MinRequestBodyDataRate...): the type's sentence says it for a client.
            BadHttpRequestException { StatusCode: StatusCodes.Status408RequestTimeout } => (ProblemTypes.TooSlow, StatusCodes.Status408RequestTimeout,
                ProblemTexts.EnglishDetail(ProblemTypes.TooSlow)!),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (ProblemTypes.TooLarge, StatusCodes.Status413PayloadTooLarge,
                ProblemTexts.EnglishDetail(ProblemTypes.TooLarge)!),
            BadHttpRequestException bad => ((ProblemType?)null, bad.StatusCode, bad.Message),
            _ when DbErrors.IsUnavailable(exception) => (ProblemTypes.Unavailable, StatusCodes.Status503ServiceUnavailable,
                "The database cannot take the request now (busy, read-only or unreachable); retry shortly. Nothing was changed."),
            _ => (ProblemTypes.UnexpectedError, StatusCodes.Status500InternalServerError, "An unexpected error occurred. The trace id identifies it in the logs."),
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
                Title = ProblemTexts.ValidationTitle,
                Detail = ProblemTexts.ValidationDetail,
            }
            : new Microsoft.AspNetCore.Mvc.ProblemDetails { Detail = detail, Type = type?.Path };
        problem.Status = status;
        if (exception is RuleViolationException violated)
        {
            // What the rule knows that a client can act on, as the members its problem type carries.
            AddMember(problem, type!, ProblemMembers.CurrentStatus, violated.CurrentStatus);
            AddMember(problem, type!, ProblemMembers.AllowedValues, violated.AllowedValues);
            AddMember(problem, type!, ProblemMembers.PlacesTaken, violated.PlacesTaken);
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }

    private static void AddMember(Microsoft.AspNetCore.Mvc.ProblemDetails problem, ProblemType type, string name, object? value)
    {
        if (value is not null && type.Members.Contains(name))
            problem.Extensions[name] = value;
    }
}
