using FastEndpoints;
using Forums.Api.Http;

namespace Forums.Api.Features.Delegations;

public sealed class DelegationsGroup : Group
{
    public static readonly ApiTag Tag = new("Delegations", 2,
        "The delegations of a forum: countries, regions and organisations, each with an optional quota of delegates. Public for published forums.");

    public DelegationsGroup() => Configure("forums/{forumId}/delegations", ep => ep.Description(d => d.WithTag(Tag)));
}
