using FastEndpoints;

namespace Forums.Api.Features.Sessions;

public sealed class SessionsGroup : Group
{
    public const string Tag = "Sessions";
    public const string Description = "The items of a forum's programme and their speakers. A room or a speaker is never in two overlapping sessions. Public for published forums.";

    public SessionsGroup() => Configure("forums/{forumId}/sessions", ep => ep.Description(d => d.WithTags(Tag)));
}
