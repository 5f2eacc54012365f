using FastEndpoints;
using FluentValidation;

namespace Forums.Api.Features.Delegations.UpdateDelegation;

/// <summary>The delegation's new fields, all of them: fields left out are cleared.</summary>
public class UpdateDelegationRequest : DelegationFields
{
    /// <summary>The delegation's id.</summary>
    [RouteParam]
    public Guid DelegationId { get; init; }

    /// <summary>The ETag you read; if the delegation changed since, the answer is 412 and nothing changes.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }

    /// <summary>The head of delegation: one of its own delegates, not cancelled. Unset for none.</summary>
    public Guid? HeadDelegateId { get; init; }

    /// <summary>The forum's id.</summary>
    [FastEndpoints.RouteParam]
    public Guid ForumId { get; init; }

    internal sealed class Validator : Validator<UpdateDelegationRequest>
    {
        public Validator() => Include(new DelegationFieldsValidator());
    }
}
