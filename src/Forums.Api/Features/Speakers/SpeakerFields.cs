using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Speakers;

/// <summary>The fields an organiser writes when creating or replacing a speaker.</summary>
public abstract class SpeakerFields
{
    /// <summary>The name as written in its own script.</summary>
    public string Name { get; init; } = null!;
    /// <summary>The name in Latin letters; search finds either.</summary>
    public string? NameLatin { get; init; }
    /// <summary>The speaker's position by language (BCP 47 tag → text), e.g. {"en": "Ambassador of the Republic of Korea to the Republic of Kazakhstan"}. At most 300 characters a language, 600 in all languages together.</summary>
    public IReadOnlyDictionary<string, string>? Position { get; init; }
    /// <summary>The speaker's organisation by language. At most 300 characters a language, 600 in all languages together.</summary>
    public IReadOnlyDictionary<string, string>? Organisation { get; init; }
    /// <summary>A biography by language; line breaks allowed. At most 5,000 characters a language, 10,000 in all languages together.</summary>
    public IReadOnlyDictionary<string, string>? Biography { get; init; }
    /// <summary>An absolute https URL of the speaker's photo.</summary>
    public string? PhotoUrl { get; init; }
    /// <summary>The delegate of the same forum who is this speaker; unset for none.</summary>
    public Guid? DelegateId { get; init; }

    public SpeakerDetails ToDetails() => new(
        Name.Trim(),
        string.IsNullOrWhiteSpace(NameLatin) ? null : NameLatin.Trim(),
        LanguageMaps.Canonical(Position),
        LanguageMaps.Canonical(Organisation),
        LanguageMaps.Canonical(Biography),
        string.IsNullOrWhiteSpace(PhotoUrl) ? null : PhotoUrl.Trim(),
        DelegateId);
}

internal sealed class SpeakerFieldsValidator : AbstractValidator<SpeakerFields>
{
    public SpeakerFieldsValidator()
    {
        RuleFor(s => s.Name).NotEmpty().MaximumLength(200).Text();
        RuleFor(s => s.NameLatin).MaximumLength(200).Text();
        RuleFor(s => s.Position).LocalizedText(maxLength: 300, maxTotalLength: Speaker.MaxPositionLength);
        RuleFor(s => s.Organisation).LocalizedText(maxLength: 300, maxTotalLength: Speaker.MaxPositionLength);
        RuleFor(s => s.Biography).LocalizedText(maxLength: 5_000, maxTotalLength: Speaker.MaxBiographyLength, multiLine: true);
        RuleFor(s => s.PhotoUrl).Text().MaximumLength(2048);
        RuleFor(s => s.PhotoUrl).Matches(@"^\s*[Hh][Tt][Tt][Pp][Ss]://").When(s => !string.IsNullOrWhiteSpace(s.PhotoUrl))
            .WithMessage("Give an absolute https URL of at most 2048 characters.");
        RuleFor(s => s.PhotoUrl)
            .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && url!.Length <= 2048)
            .When(s => !string.IsNullOrWhiteSpace(s.PhotoUrl))
            .WithMessage("Give an absolute https URL of at most 2048 characters.");
    }
}
