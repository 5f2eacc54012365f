using System.Text.Json.Serialization;
using Forums.Api.Http.Idempotency;

namespace Forums.Api.Http;

public static class EndpointDescriptions
{
    /// <summary>Declares problem-details answers: 400 with field errors, every other status as plain problem details.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            if (status == StatusCodes.Status400BadRequest)
                builder.Produces<ValidationProblem>(status, Problems.ContentType);
            else
                builder.Produces<ProblemDetailsResponse>(status, Problems.ContentType);
        }
        return builder;
    }

    /// <summary>
    /// The operation's 201 names no Location, for this reason: what it made has no URL of its own (RFC 9110 §15.3.2: the
    /// request's URL then identifies it). Every other 201 sends Location, and the document says so.
    /// </summary>
    public static RouteHandlerBuilder CreatesWithoutLocation(this RouteHandlerBuilder builder, string reason) =>
        builder.WithMetadata(new CreatedWithoutLocation(reason));

    /// <summary>The operation's tag, with the description the document lists it with.</summary>
    public static RouteHandlerBuilder WithTag(this RouteHandlerBuilder builder, ApiTag tag) => builder.WithTags(tag.Name).WithMetadata(tag);

    /// <summary>The operation takes an Idempotency-Key; <paramref name="replay"/> says what of its answer is kept.</summary>
    public static RouteHandlerBuilder AcceptsIdempotencyKey(this RouteHandlerBuilder builder, AcceptsIdempotencyKey replay) =>
        builder.WithMetadata(replay);

    /// <summary>The operation refuses an Idempotency-Key (400) for this reason.</summary>
    public static RouteHandlerBuilder RefusesIdempotencyKey(this RouteHandlerBuilder builder, string reason) =>
        builder.WithMetadata(new RefusesIdempotencyKey(reason));
}

/// <summary>A 201 without Location, and why (<see cref="EndpointDescriptions.CreatesWithoutLocation"/>).</summary>
public sealed record CreatedWithoutLocation(string Reason);

/// <summary>
/// The tag of a group's operations and the sentence that describes it, written once, in the group; its place among the
/// tags follows an organiser's work (forums, then the people, the programme, the door, the tokens, the probes).
/// </summary>
public sealed record ApiTag(string Name, int Place, string Description);

/// <summary>RFC 9457 problem details as this API writes them (the OpenAPI shape of every non-validation error).</summary>
/// <param name="Type">A URL of the RFC section that defines the status, e.g. https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5 for 404.</param>
/// <param name="Title">The status's name, e.g. "Not Found".</param>
/// <param name="Status">The HTTP status code, the same as the answer's.</param>
/// <param name="Detail">What went wrong, for a person to read: at most 2,000 characters, what the client sent shown with invisible characters as \uXXXX. Left out when there is nothing more to say.</param>
/// <param name="Instance">The request's path, decoded.</param>
/// <param name="TraceId">The request's trace id, which the API's logs carry: quote it when reporting a problem.</param>
/// <param name="Existing">On a 409 about a duplicate: the URL of the resource that already exists.</param>
public sealed record ProblemDetailsResponse(
    string Type,
    string Title,
    int Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
    string Instance,
    string TraceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Existing);
