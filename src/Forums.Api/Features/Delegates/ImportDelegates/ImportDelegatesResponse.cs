namespace Forums.Api.Features.Delegates.ImportDelegates;

/// <summary>What an import did, or, with validateOnly, would do.</summary>
/// <param name="ValidateOnly">True when nothing was written: the counts say what the import would do.</param>
/// <param name="Rows">The file's data rows (the header not counted), each one delegate.</param>
/// <param name="Confirmed">Rows registered as confirmed (or that would be, with validateOnly): a place was free and the forum does not require approval.</param>
/// <param name="Pending">Rows registered as pending (or that would be): a place was free and the forum requires approval.</param>
/// <param name="Waitlisted">Rows registered as waitlisted (or that would be): no place was free.</param>
/// <param name="DelegationsCreated">Delegations named in the file that did not exist and are (or would be) created.</param>
public sealed record ImportDelegatesResponse(
    bool ValidateOnly,
    int Rows,
    int Confirmed,
    int Pending,
    int Waitlisted,
    List<string> DelegationsCreated);
