using FastEndpoints;

namespace Forums.Api.Features.Delegates.UpdateDelegate;

/// <summary>The delegate's new details, all of them: fields left out are cleared. The status changes only by its transitions.</summary>
public class UpdateDelegateRequest : DelegateFields
{
    /// <summary>The delegate's id.</summary>
    [RouteParam]
    public Guid DelegateId { get; init; }

    /// <summary>The ETag you read; if the delegate changed since, the answer is 412 and nothing changes.</summary>
    [FromHeader("If-Match", isRequired: false)]
    public string? IfMatch { get; init; }

    /// <summary>The forum's id.</summary>
    [FastEndpoints.RouteParam]
    public Guid ForumId { get; init; }

    internal sealed class Validator : Validator<UpdateDelegateRequest>
    {
        public Validator() => Include(new DelegateFieldsValidator());
    }
}
