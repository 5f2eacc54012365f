using FastEndpoints;

namespace Forums.Api.Features.Delegations.CreateDelegation;

/// <summary>The new delegation's fields.</summary>
public sealed class CreateDelegationRequest : DelegationFields
{
    /// <summary>The forum's id.</summary>
    [FastEndpoints.RouteParam]
    public Guid ForumId { get; init; }

    internal sealed class Validator : Validator<CreateDelegationRequest>
    {
        public Validator() => Include(new DelegationFieldsValidator());
    }
}
