using FastEndpoints;
using Forums.Api.Http;

namespace Forums.Api.Features.ProblemPages;

/// <summary>The pages the problem type URIs point at, outside /api: /problems and /problems/{name}.</summary>
public sealed class ProblemPagesGroup : Group
{
    public static readonly ApiTag Tag = new("ProblemTypes", 10,
        "The pages that describe each problem type an error answer names in its type: when it happens, what to do, the members it carries.");

    public ProblemPagesGroup() => Configure(ProblemTypes.PagePath, ep =>
    {
        ep.RoutePrefixOverride(string.Empty);
        ep.Description(d => d.WithTag(Tag));
    });
}
