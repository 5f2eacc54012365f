using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Features.Delegates;
using Forums.Api.Features.Delegations;
using Forums.Api.Features.Forums;
using Forums.Api.Features.Sessions;
using Forums.Api.Features.Speakers;

namespace Forums.Api.Seeding;

/// <summary>One file under seeds/: a forum and its people as data, applied once per database.</summary>
public sealed class SeedFile
{
    public string SeedId { get; init; } = "";
    public string? Source { get; init; }
    public SeedForum Forum { get; init; } = null!;
    public List<SeedDelegation> Delegations { get; init; } = [];
    public List<SeedDelegate> Delegates { get; init; } = [];
    public List<SeedSpeaker> Speakers { get; init; } = [];
    public List<SeedSession> Sessions { get; init; } = [];
}

public sealed class SeedForum : ForumFields
{
    public Guid Id { get; init; }
    public ForumStatus Status { get; init; }
}

public sealed class SeedDelegation : DelegationFields
{
    public Guid Id { get; init; }
}

public sealed class SeedDelegate : DelegateFields
{
    public Guid Id { get; init; }
}

public sealed class SeedSpeaker : SpeakerFields
{
    public Guid Id { get; init; }
}

public sealed class SeedSession : SessionFields
{
    public Guid Id { get; init; }
    public List<SeedSessionSpeaker> Speakers { get; init; } = [];
}

public sealed record SeedSessionSpeaker(Guid SpeakerId, SpeakerRole Role, int Order);

internal sealed class SeedFileValidator : AbstractValidator<SeedFile>
{
    public SeedFileValidator()
    {
        RuleFor(s => s.SeedId).NotEmpty().MaximumLength(100);
        RuleFor(s => s.Forum).NotNull();
        RuleFor(s => s.Forum.Id).NotEmpty().When(s => s.Forum is not null);
        RuleFor(s => s.Forum).SetValidator(new ForumFieldsValidator()).When(s => s.Forum is not null);
        RuleForEach(s => s.Delegations).SetValidator(new DelegationFieldsValidator());
        RuleForEach(s => s.Delegations).Must(d => d.Id != Guid.Empty).WithMessage("Every delegation has an id.");
        RuleForEach(s => s.Delegates).SetValidator(new DelegateFieldsValidator());
        RuleForEach(s => s.Delegates).Must(d => d.Id != Guid.Empty).WithMessage("Every delegate has an id.");
        RuleForEach(s => s.Delegates)
            .Must((seed, d) => d.DelegationId is null || seed.Delegations.Any(g => g.Id == d.DelegationId))
            .WithMessage("A delegate's delegationId names a delegation of the same seed file.");
        RuleForEach(s => s.Speakers).SetValidator(new SpeakerFieldsValidator());
        RuleForEach(s => s.Speakers)
            .Must((seed, p) => p.Id != Guid.Empty && (p.DelegateId is null || seed.Delegates.Any(d => d.Id == p.DelegateId)))
            .WithMessage("Every speaker has an id, and its delegateId names a delegate of the same seed file.");
        RuleForEach(s => s.Sessions).SetValidator(new SessionFieldsValidator());
        RuleForEach(s => s.Sessions)
            .Must((seed, session) => session.Id != Guid.Empty && session.Speakers.All(a => seed.Speakers.Any(p => p.Id == a.SpeakerId)))
            .WithMessage("Every session has an id, and its speakers are speakers of the same seed file.");
    }
}
