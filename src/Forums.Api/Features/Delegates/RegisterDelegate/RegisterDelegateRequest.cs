using FastEndpoints;

namespace Forums.Api.Features.Delegates.RegisterDelegate;

/// <summary>The new delegate's details; the status follows from the places free and whether the forum requires approval.</summary>
public sealed class RegisterDelegateRequest : DelegateFields
{
    /// <summary>The forum's id.</summary>
    [FastEndpoints.RouteParam]
    public Guid ForumId { get; init; }

    internal sealed class Validator : Validator<RegisterDelegateRequest>
    {
        public Validator() => Include(new DelegateFieldsValidator());
    }
}
