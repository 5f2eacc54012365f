using FastEndpoints;

namespace Forums.Api.Features.Forums;

public sealed class ForumsGroup : Group
{
    public const string Tag = "Forums";

    public ForumsGroup() => Configure("forums", ep => ep.Description(d => d.WithTags(Tag)));
}
