namespace Forums.Api.Features.Delegates.ImportDelegates;

/// <summary>What an import did, or, with validateOnly, would do.</summary>
/// <param name="DelegationsCreated">Delegations named in the file that did not exist and are (or would be) created.</param>
public sealed record ImportDelegatesResponse(
    bool ValidateOnly,
    int Rows,
    int Confirmed,
    int Pending,
    int Waitlisted,
    List<string> DelegationsCreated);
