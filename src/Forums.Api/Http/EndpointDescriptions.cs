using System.Text.Json.Serialization;
using Forums.Api.Http.Idempotency;

namespace Forums.Api.Http;

public static class EndpointDescriptions
{
    /// <summary>
    /// Declares problem-details answers of statuses that have one problem type each (400 validation, 404 not-found, 412
    /// stale-version, 413, 415...). A 409 or a 422 has several: name its types with the other overload.
    /// </summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses) =>
        builder.ProducesProblems([.. statuses.Select(status => ProblemTypes.OfStatus(status)
            ?? throw new ArgumentException($"A {status} has several problem types: declare the ones this operation answers.", nameof(statuses)))]);

    /// <summary>
    /// Declares the problem types the operation answers with, and so their statuses: 400 with field errors, every other
    /// status as plain problem details. The document lists them per status (x-problem-types), and the tests refuse an
    /// answer of a type its operation does not declare.
    /// </summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params ProblemType[] types)
    {
        foreach (var status in types.Select(t => t.Status).Distinct())
        {
            if (status == StatusCodes.Status400BadRequest)
                builder.Produces<ValidationProblem>(status, Problems.ContentType);
            else
                builder.Produces<ProblemDetailsResponse>(status, Problems.ContentType);
        }
        return builder.WithMetadata(new DeclaredProblemTypes(types));
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

/// <summary>Problem types an operation declares it answers with (<see cref="EndpointDescriptions.ProducesProblems(RouteHandlerBuilder, ProblemType[])"/>).</summary>
public sealed record DeclaredProblemTypes(IReadOnlyList<ProblemType> Types);

/// <summary>A 201 without Location, and why (<see cref="EndpointDescriptions.CreatesWithoutLocation"/>).</summary>
public sealed record CreatedWithoutLocation(string Reason);

/// <summary>
/// The tag of a group's operations and the sentence that describes it, written once, in the group; its place among the
/// tags follows an organiser's work (forums, then the people, the programme, the door, the tokens, the probes).
/// </summary>
public sealed record ApiTag(string Name, int Place, string Description);

/// <summary>
/// RFC 9457 problem details as this API writes them (the OpenAPI shape of every non-validation error). One shape for every
/// problem type: the members a type carries are optional here, each described with the types that carry it; the response
/// lists its possible types in x-problem-types.
/// </summary>
/// <param name="Type">The problem type's URI, which a client tells problems apart by: one of those the response lists in x-problem-types; GET /problems/{problemType} (its last segment) describes it.</param>
/// <param name="Title">The status's name, e.g. "Not Found".</param>
/// <param name="Status">The HTTP status code, the same as the answer's.</param>
/// <param name="Detail">What went wrong, for a person to read: at most 2,000 characters, what the client sent shown with invisible characters as \uXXXX. Left out when there is nothing more to say.</param>
/// <param name="Instance">The request's path, decoded.</param>
/// <param name="TraceId">The request's trace id, which the API's logs carry: quote it when reporting a problem.</param>
/// <param name="Existing">See ProblemMembers: the URL of the resource in the way.</param>
/// <param name="ExistingDelegateId">See ProblemMembers: the delegate who has the e-mail.</param>
/// <param name="ExistingSpeakerId">See ProblemMembers: the speaker linked to the delegate.</param>
/// <param name="ConflictingSessionId">See ProblemMembers: the overlapping session.</param>
/// <param name="SpeakerId">See ProblemMembers: the speaker in two sessions.</param>
/// <param name="CurrentETag">See ProblemMembers: the resource's ETag now.</param>
/// <param name="CurrentStatus">See ProblemMembers: the status the resource is in.</param>
/// <param name="AllowedValues">See ProblemMembers: the statuses that allow the operation.</param>
/// <param name="Limit">See ProblemMembers: the limit reached.</param>
/// <param name="PlacesTaken">See ProblemMembers: the places held.</param>
/// <param name="DelegationId">See ProblemMembers: the delegation whose quota is full.</param>
/// <param name="SessionIds">See ProblemMembers: the sessions concerned.</param>
/// <remarks>The OpenAPI document describes each member from <see cref="ProblemMembers"/>, naming the types that carry it.</remarks>
public sealed record ProblemDetailsResponse(
    string Type,
    string Title,
    int Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
    string Instance,
    string TraceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Existing,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? ExistingDelegateId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? ExistingSpeakerId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? ConflictingSessionId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? SpeakerId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonPropertyName("currentETag")] string? CurrentETag = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CurrentStatus = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AllowedValues = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Limit = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PlacesTaken = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? DelegationId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Guid>? SessionIds = null);
