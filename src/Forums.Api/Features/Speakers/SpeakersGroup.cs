using FastEndpoints;
using Forums.Api.Http;

namespace Forums.Api.Features.Speakers;

public sealed class SpeakersGroup : Group
{
    public static readonly ApiTag Tag = new("Speakers", 4,
        "The people of a forum's programme. Their public profiles are readable by anyone for published forums; organisers also see the link to the delegate who is that person.");

    public SpeakersGroup() => Configure("forums/{forumId}/speakers", ep => ep.Description(d => d.WithTag(Tag)));
}
