using FastEndpoints;
using FluentValidation;
using Forums.Api.Http.Validation;

namespace Forums.Api.Features.CheckIns.CheckInDelegate;

/// <summary>One scan of a badge at the door.</summary>
public sealed class CheckInDelegateRequest
{
    /// <summary>The forum's id.</summary>
    [RouteParam]
    public Guid ForumId { get; init; }

    /// <summary>The code on the badge, e.g. K7QM-3XZP-9R2T-H4WD (case, spaces and hyphens do not matter).</summary>
    /// <example>K7QM-3XZP-9R2T-H4WD</example>
    public string AccreditationCode { get; init; } = null!;

    /// <summary>The scanning device's id for this scan (e.g. a UUID); a retry sends the same one and is counted once.</summary>
    /// <example>0b9f7c1e-5d2a-4c8e-9f3b-2a6d8e1c4b7a</example>
    public string Nonce { get; init; } = null!;

    /// <summary>The code as stored: upper case, in four hyphenated groups; null when it cannot be one.</summary>
    public string? NormalizedCode()
    {
        var plain = new string((AccreditationCode ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return plain.Length == 16 ? $"{plain[..4]}-{plain[4..8]}-{plain[8..12]}-{plain[12..]}" : null;
    }

    internal sealed class Validator : Validator<CheckInDelegateRequest>
    {
        public Validator()
        {
            RuleFor(r => r.AccreditationCode).NotEmpty().Text().Must((r, _) => r.NormalizedCode() is not null)
                .WithMessage("An accreditation code has 16 letters and digits, e.g. K7QM-3XZP-9R2T-H4WD.");
            // The same rule as a pattern, for the schema (and a scanner's form): 16 letters or digits, spaces and hyphens anywhere.
            RuleFor(r => r.AccreditationCode).Matches(@"^[\s-]*(?:[A-Za-z0-9][\s-]*){16}$").When(r => !string.IsNullOrEmpty(r.AccreditationCode))
                .WithMessage("An accreditation code has 16 letters and digits, e.g. K7QM-3XZP-9R2T-H4WD.");
            RuleFor(r => r.Nonce).NotEmpty().MaximumLength(100).Matches(@"^[!-~]+\z").WithMessage("Give 1 to 100 visible ASCII characters.");
        }
    }
}
