using FastEndpoints;

namespace Forums.Api.Features.Delegations;

public sealed class DelegationsGroup : Group
{
    public const string Tag = "Delegations";
    public const string Description = "The delegations of a forum: countries, regions and organisations, each with an optional quota of delegates. Public for published forums.";

    public DelegationsGroup() => Configure("forums/{forumId}/delegations", ep => ep.Description(d => d.WithTags(Tag)));
}
