using FastEndpoints;
using Forums.Api.Http;

namespace Forums.Api.Features.Sessions;

public sealed class SessionsGroup : Group
{
    public static readonly ApiTag Tag = new("Sessions", 5,
        "The items of a forum's programme and their speakers. A room or a speaker is never in two overlapping sessions. Public for published forums.");

    public SessionsGroup() => Configure("forums/{forumId}/sessions", ep => ep.Description(d => d.WithTag(Tag)));
}
