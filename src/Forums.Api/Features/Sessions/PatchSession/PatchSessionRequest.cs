using Forums.Api.Features.Sessions.UpdateSession;
using Forums.Api.Http;

namespace Forums.Api.Features.Sessions.PatchSession;

/// <summary>Some of the session's fields, as a JSON Merge Patch (RFC 7396) of its PUT body: members left out keep their values, null clears a member (startsAt and endsAt: null for both unschedules the session; order: null keeps its place). Its speakers are kept.</summary>
public sealed class PatchSessionRequest : UpdateSessionRequest, IMergePatchBody;
