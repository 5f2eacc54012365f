namespace Forums.Api.Features.Delegates.GetBadge;

/// <summary>What an accreditation badge prints, with the QR code of the accreditation code as SVG.</summary>
/// <param name="QrCodeSvg">An SVG image of the QR code that encodes the accreditation code.</param>
public sealed record BadgeResponse(
    Guid DelegateId,
    string AccreditationCode,
    string Name,
    string? NameLatin,
    Dictionary<string, string>? Position,
    Dictionary<string, string>? Organisation,
    string? Country,
    Dictionary<string, string>? Delegation,
    Dictionary<string, string> ForumTitle,
    string QrCodeSvg);
