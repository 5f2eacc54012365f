using FastEndpoints;

namespace Forums.Api.Features.Forums;

public sealed class ForumsGroup : Group
{
    public const string Tag = "Forums";
    public const string Description = "The forums themselves: drafts, publishing, archiving. Every other resource belongs to one forum.";

    public ForumsGroup() => Configure("forums", ep => ep.Description(d => d.WithTags(Tag)));
}
