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

    /// <summary>The language to write titles and texts in (BCP 47), over Accept-Language; each text in it, else in English, else in its first language. The agenda then shows only that text of each; the exports always write one.</summary>
    [QueryParam]
    public string? Lang { get; init; }

    internal sealed class Validator : Validator<ProgrammeRequest>
    {
        public Validator() => RuleFor(r => r.Lang).LanguageTag().When(r => r.Lang is not null);
    }
}
