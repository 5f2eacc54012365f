using Forums.Api.Features.Delegations.UpdateDelegation;
using Forums.Api.Http;

namespace Forums.Api.Features.Delegations.PatchDelegation;

/// <summary>Some of the delegation's fields, as a JSON Merge Patch (RFC 7396) of its PUT body: members left out keep their values, null clears a member (headDelegateId: null appoints no head).</summary>
public sealed class PatchDelegationRequest : UpdateDelegationRequest, IMergePatchBody;
