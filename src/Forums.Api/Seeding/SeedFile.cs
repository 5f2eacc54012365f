using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Features.Forums;

namespace Forums.Api.Seeding;

/// <summary>One file under seeds/: a forum as data, applied once per database.</summary>
public sealed class SeedFile
{
    public string SeedId { get; init; } = "";
    public string? Source { get; init; }
    public SeedForum Forum { get; init; } = null!;
}

public sealed class SeedForum : ForumFields
{
    public Guid Id { get; init; }
    public ForumStatus Status { get; init; }
}

internal sealed class SeedFileValidator : AbstractValidator<SeedFile>
{
    public SeedFileValidator()
    {
        RuleFor(s => s.SeedId).NotEmpty().MaximumLength(100);
        RuleFor(s => s.Forum).NotNull();
        RuleFor(s => s.Forum.Id).NotEmpty().When(s => s.Forum is not null);
        RuleFor(s => s.Forum).SetValidator(new ForumFieldsValidator()).When(s => s.Forum is not null);
    }
}
