using Forums.Api.Features.Delegates.UpdateDelegate;
using Forums.Api.Http;

namespace Forums.Api.Features.Delegates.PatchDelegate;

/// <summary>Some of the delegate's details, as a JSON Merge Patch (RFC 7396) of its PUT body: members left out keep their values, null clears a member (delegationId: null takes the delegate out of its delegation). The status changes only by its transitions.</summary>
public sealed class PatchDelegateRequest : UpdateDelegateRequest, IMergePatchBody;
