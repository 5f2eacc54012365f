using FastEndpoints;

namespace Forums.Api.Features.Speakers;

public sealed class SpeakersGroup : Group
{
    public const string Tag = "Speakers";
    public const string Description = "The people of a forum's programme. Their public profiles are readable by anyone for published forums; organisers also see the link to the delegate who is that person.";

    public SpeakersGroup() => Configure("forums/{forumId}/speakers", ep => ep.Description(d => d.WithTags(Tag)));
}
