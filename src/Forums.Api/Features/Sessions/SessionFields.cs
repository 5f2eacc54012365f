using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Sessions;

/// <summary>The fields an organiser writes when creating or replacing a session.</summary>
public abstract class SessionFields
{
    /// <summary>The session's title by language (BCP 47 tag → text), e.g. {"en": "Addresses by members of the delegation"}. At most 300 characters a language, 1,000 in all languages together.</summary>
    public IReadOnlyDictionary<string, string> Title { get; init; } = null!;
    /// <summary>A description of the session by language; line breaks allowed. At most 5,000 characters in all languages together.</summary>
    public IReadOnlyDictionary<string, string>? Description { get; init; }
    /// <summary>What kind of programme item the session is.</summary>
    public SessionKind? Kind { get; init; }
    /// <summary>The session's place in the programme, 0 to 100000. Absent: after the last session when creating, unchanged when replacing.</summary>
    public int? Order { get; init; }
    /// <summary>The start of the slot; give both ends or neither.</summary>
    public DateTimeOffset? StartsAt { get; init; }
    /// <summary>The end of the slot, after its start; a session lasts at most 7 days.</summary>
    public DateTimeOffset? EndsAt { get; init; }
    /// <summary>The room's name; two sessions in one room may not overlap. Rooms compare ignoring case and runs of spaces of any kind.</summary>
    public string? Room { get; init; }
    /// <summary>BCP 47 tags of the languages spoken.</summary>
    public IReadOnlyList<string>? Languages { get; init; }
    /// <summary>BCP 47 tags of the languages interpreted into.</summary>
    public IReadOnlyList<string>? InterpretationLanguages { get; init; }
    /// <summary>Seats in the session, for information: the API counts nothing against it. Unset for none given.</summary>
    public int? Capacity { get; init; }

    /// <param name="orderWhenAbsent">The place of a session sent without <see cref="Order"/>.</param>
    public SessionDetails ToDetails(int orderWhenAbsent) => new(
        LanguageMaps.Canonical(Title)!,
        LanguageMaps.Canonical(Description),
        Kind!.Value,
        Order ?? orderWhenAbsent,
        StartsAt is { } start && EndsAt is { } end ? new TimeSlot(start.UtcDateTime, end.UtcDateTime) : null,
        NameKey.Tidy(Room),
        LanguageTag.CanonicalList(Languages),
        LanguageTag.CanonicalList(InterpretationLanguages),
        Capacity);
}

internal sealed class SessionFieldsValidator : AbstractValidator<SessionFields>
{
    public SessionFieldsValidator()
    {
        RuleFor(s => s.Title).NotNull().LocalizedText(maxLength: 300, maxTotalLength: Session.MaxTitleLength);
        RuleFor(s => s.Description).LocalizedText(maxLength: Session.MaxDescriptionLength, maxTotalLength: Session.MaxDescriptionLength, multiLine: true);
        RuleFor(s => s.Kind).NotNull();
        RuleFor(s => s.Order).InclusiveBetween(0, Session.MaxOrder);
        RuleFor(s => s.EndsAt).NotNull().When(s => s.StartsAt is not null).WithMessage("Give both ends of the slot, or neither.");
        RuleFor(s => s.StartsAt).NotNull().When(s => s.EndsAt is not null).WithMessage("Give both ends of the slot, or neither.");
        RuleFor(s => s.EndsAt).GreaterThan(s => s.StartsAt).When(s => s.StartsAt is not null && s.EndsAt is not null)
            .WithMessage("The session ends after it starts.");
        RuleFor(s => s.EndsAt).Must((s, end) => end - s.StartsAt <= TimeSpan.FromDays(7)).When(s => s.StartsAt is not null && s.EndsAt is not null)
            .WithMessage("A session lasts at most 7 days.");
        RuleFor(s => s.Room).MaximumLength(RoomName.MaxLength).Text()
            .Must(room => NameKey.Of(room) is not { Length: > RoomName.MaxKeyLength }).WithMessage("The room's name is too long.");
        RuleFor(s => s.Capacity).GreaterThanOrEqualTo(1);
        RuleFor(s => s.Languages).LanguageTags();
        RuleFor(s => s.InterpretationLanguages).LanguageTags();
    }
}
