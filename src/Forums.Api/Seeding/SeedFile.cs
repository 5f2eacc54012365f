using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Features.Delegates;
using Forums.Api.Features.Delegations;
using Forums.Api.Features.Forums;

namespace Forums.Api.Seeding;

/// <summary>One file under seeds/: a forum and its people as data, applied once per database.</summary>
public sealed class SeedFile
{
    public string SeedId { get; init; } = "";
    public string? Source { get; init; }
    public SeedForum Forum { get; init; } = null!;
    public List<SeedDelegation> Delegations { get; init; } = [];
    public List<SeedDelegate> Delegates { get; init; } = [];
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
    }
}
