using System.Globalization;
using System.Numerics;

namespace Forums.Api.Hosting;

/// <summary>A configuration that cannot work: start-up stops with this one message.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);

/// <summary>
/// Reads the settings that start-up depends on: trimmed (an environment variable written from a file keeps its
/// trailing newline), checked against their range, and refused with one clear message that names the key, never
/// left to fail on the first request.
/// </summary>
public static class Settings
{
    /// <summary>The trimmed value, or null when the key is unset or blank.</summary>
    public static string? Text(IConfiguration configuration, string key) =>
        configuration[key]?.Trim() is { Length: > 0 } text ? text : null;

    public static T Number<T>(IConfiguration configuration, string key, T fallback, T min, T max) where T : INumber<T>
    {
        if (Text(configuration, key) is not { } text)
            return fallback;
        if (!T.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new StartupConfigurationException(string.Create(CultureInfo.InvariantCulture, $"{key} must be a number from {min} to {max}; it is '{Shown(text)}'."));
        return value;
    }

    public static bool Switch(IConfiguration configuration, string key, bool fallback) =>
        Text(configuration, key) switch
        {
            null => fallback,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw new StartupConfigurationException($"{key} must be true or false; it is '{Shown(text)}'."),
        };

    /// <summary>A list: either the key's children (JSON arrays, Key__0, Key__1...) or one value separated by commas or semicolons.</summary>
    public static IReadOnlyList<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Any()
            ? section.GetChildren().Select(c => c.Value)
            : (section.Value ?? "").Split([',', ';']);
        return values.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
    }

    // Settings are not secrets (the admin token is never shown), but a message stays one short line.
    private static string Shown(string text)
    {
        var visible = new string(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return visible.Length <= 40 ? visible : visible[..40] + "...";
    }
}
