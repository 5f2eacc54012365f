using Forums.Api.Features.Forums.UpdateForum;
using Forums.Api.Http;

namespace Forums.Api.Features.Forums.PatchForum;

/// <summary>Some of the forum's fields, as a JSON Merge Patch (RFC 7396) of its PUT body: members left out keep their values, null clears a member (the status is changed by publish and archive).</summary>
public sealed class PatchForumRequest : UpdateForumRequest, IMergePatchBody;
