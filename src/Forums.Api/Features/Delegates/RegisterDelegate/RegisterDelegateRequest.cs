using FastEndpoints;

namespace Forums.Api.Features.Delegates.RegisterDelegate;

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
