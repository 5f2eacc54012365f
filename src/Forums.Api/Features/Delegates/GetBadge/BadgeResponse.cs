namespace Forums.Api.Features.Delegates.GetBadge;

/// <summary>What an accreditation badge prints, with the QR code of the accreditation code as SVG.</summary>
/// <param name="DelegateId">The delegate's id.</param>
/// <param name="AccreditationCode">The code on the badge, e.g. K7QM-3XZP-9R2T-H4WD: 16 characters of Crockford's base32 in four groups.</param>
/// <param name="Name">The delegate's name as written in its own script.</param>
/// <param name="NameLatin">The name in Latin letters; null when not given.</param>
/// <param name="Position">The delegate's position by language (BCP 47 tag → text); null when not given.</param>
/// <param name="Organisation">The delegate's organisation by language; null when not given.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of the delegate's country, upper case; null when not given.</param>
/// <param name="Delegation">The name of the delegate's delegation, by language; null for a delegate without one.</param>
/// <param name="ForumTitle">The forum's title by language.</param>
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
