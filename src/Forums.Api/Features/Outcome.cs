using Forums.Api.Persistence;

namespace Forums.Api.Features;

/// <summary>
/// What a step of a use case came to: done, with what it made; refused, with the problem to answer; or rehearsed,
/// with what it would have made. In a transaction only a done step keeps its writes.
/// </summary>
public readonly record struct Outcome<T> : IWorkOutcome
{
    public T? Value { get; private init; }
    public IResult? Problem { get; private init; }
    public bool Rehearsal { get; private init; }
    public bool Keeps => Problem is null && !Rehearsal;

    internal static Outcome<T> Done(T value) => new() { Value = value };
    internal static Outcome<T> Rehearsed(T value) => new() { Value = value, Rehearsal = true };

    public static implicit operator Outcome<T>(Refusal refusal) => new() { Problem = refusal.Problem };
}

/// <summary>A refusal, before it is given the type of the outcome it ends.</summary>
public readonly record struct Refusal(IResult Problem);

public static class Outcome
{
    public static Outcome<T> Done<T>(T value) => Outcome<T>.Done(value);
    public static Outcome<T> Rehearsed<T>(T value) => Outcome<T>.Rehearsed(value);
    public static Refusal Refused(IResult problem) => new(problem);
}
