using QRCoder;

namespace Forums.Api.Features.Delegates.GetBadge;

/// <summary>QR codes of accreditation codes, made by QRCoder (error correction Q: a badge survives some wear).</summary>
internal static class QrCodes
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(8);
    }

    public static byte[] Png(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        return new PngByteQRCode(data).GetGraphic(8);
    }
}
