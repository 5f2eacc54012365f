using Forums.Api.Features.Speakers.UpdateSpeaker;
using Forums.Api.Http;

namespace Forums.Api.Features.Speakers.PatchSpeaker;

/// <summary>Some of the speaker's fields, as a JSON Merge Patch (RFC 7396) of its PUT body: members left out keep their values, null clears a member (delegateId: null unlinks the delegate).</summary>
public sealed class PatchSpeakerRequest : UpdateSpeakerRequest, IMergePatchBody;
