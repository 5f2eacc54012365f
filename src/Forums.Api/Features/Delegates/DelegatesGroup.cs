using FastEndpoints;
using Forums.Api.Http;

namespace Forums.Api.Features.Delegates;

public sealed class DelegatesGroup : Group
{
    public static readonly ApiTag Tag = new("Delegates", 3,
        "The people registered for a forum, with their personal data: organisers only. Registration confirms while places are free, waitlists when none are, and promotes the longest-waiting when a place frees up.");

    public DelegatesGroup() => Configure("forums/{forumId}/delegates", ep => ep.Description(d => d.WithTag(Tag)));
}
