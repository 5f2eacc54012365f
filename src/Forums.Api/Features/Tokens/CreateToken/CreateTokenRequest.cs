using FastEndpoints;
using FluentValidation;
using Forums.Api.Domain;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.Tokens.CreateToken;

/// <summary>A new token: what it is for, what it may do, the forums it covers and when it expires.</summary>
public sealed class CreateTokenRequest
{
    /// <summary>What the token is for, e.g. "Registration desk, Turkistan".</summary>
    public string Name { get; init; } = null!;
    /// <summary>What the token may do.</summary>
    public TokenRole? Role { get; init; }
    /// <summary>For an organiser token: the forums it covers (at least one). For an admin token: none.</summary>
    public List<Guid>? ForumIds { get; init; }
    /// <summary>When the token stops working; unset for no expiry.</summary>
    public DateTime? ExpiresAt { get; init; }

    internal sealed class Validator : Validator<CreateTokenRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Name).NotEmpty().MaximumLength(100).Text();
            RuleFor(r => r.Role).NotNull();
            RuleFor(r => r.ForumIds).NotEmpty().When(r => r.Role == TokenRole.Organiser)
                .WithMessage("An organiser token must name at least one forum.");
            RuleFor(r => r.ForumIds).Empty().When(r => r.Role == TokenRole.Admin)
                .WithMessage("An admin token covers every forum; name none.");
            RuleFor(r => r.ForumIds).Must(ids => ids!.Count <= ApiToken.MaxForums).When(r => r.ForumIds is not null)
                .WithMessage($"Name at most {ApiToken.MaxForums} forums.");
        }
    }
}
