using FastEndpoints;

namespace Forums.Api.Features.Delegations.CreateDelegation;

public sealed class CreateDelegationRequest : DelegationFields
{
    internal sealed class Validator : Validator<CreateDelegationRequest>
    {
        public Validator() => Include(new DelegationFieldsValidator());
    }
}
