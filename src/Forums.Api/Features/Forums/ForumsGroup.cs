using FastEndpoints;
using Forums.Api.Http;

namespace Forums.Api.Features.Forums;

public sealed class ForumsGroup : Group
{
    public static readonly ApiTag Tag = new("Forums", 1,
        "The forums themselves: drafts, publishing, archiving. Every other resource belongs to one forum.");

    public ForumsGroup() => Configure("forums", ep => ep.Description(d => d.WithTag(Tag)));
}
