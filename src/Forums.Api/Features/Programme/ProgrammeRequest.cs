using FastEndpoints;
using FluentValidation;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Programme;

/// <summary>A forum's programme, with the language to write its texts in.</summary>
public sealed class ProgrammeRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>For the exports: the language of titles and texts (BCP 47); else English, else the first one given.</summary>
    [QueryParam]
    public string? Lang { get; init; }

    internal sealed class Validator : Validator<ProgrammeRequest>
    {
        public Validator() => RuleFor(r => r.Lang).LanguageTag().When(r => r.Lang is not null);
    }
}
