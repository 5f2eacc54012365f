using FastEndpoints;

namespace Forums.Api.Features.Delegates.RegisterDelegate;

public sealed class RegisterDelegateRequest : DelegateFields
{
    internal sealed class Validator : Validator<RegisterDelegateRequest>
    {
        public Validator() => Include(new DelegateFieldsValidator());
    }
}
