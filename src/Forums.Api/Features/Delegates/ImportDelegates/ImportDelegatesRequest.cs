using FastEndpoints;

namespace Forums.Api.Features.Delegates.ImportDelegates;

public sealed class ImportDelegatesRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>When true, answer what the import would do without writing anything.</summary>
    [QueryParam]
    public bool? ValidateOnly { get; init; }
}
