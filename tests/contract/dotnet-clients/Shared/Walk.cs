// What both client walks share: their arguments, one line per step (✓ or ✖), the closing count and the exit code.
// run-checks.mjs reads "<name> walk: N passed, N failed" and counts each step.
using System.Diagnostics.CodeAnalysis;

namespace Forum.ClientWalks;

/// <param name="name">The client's name, for the closing line.</param>
/// <param name="describe">What to say of a client's exception, where its message says too little (null: its message).</param>
public sealed class Walk(string name, Func<Exception, string?>? describe = null)
{
    // DEVELOPMENT ONLY: the admin token of appsettings.Development.json, which the contract run starts the API with.
    private const string DevelopmentAdminToken = "fat_DEVELOPMENT-ONLY-admin-token-never-use-in-production";

    private int _passed;
    private int _failed;

    /// <summary>The API's URL (ending in /) and an admin token: the arguments, else FORUM_API_URL and FORUM_API_ADMIN_TOKEN.</summary>
    public static (Uri BaseUrl, string AdminToken) Arguments(string[] args)
    {
        var url = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("FORUM_API_URL");
        if (string.IsNullOrWhiteSpace(url))
            throw new ArgumentException("usage: <API URL> [<admin token>] (or FORUM_API_URL, FORUM_API_ADMIN_TOKEN)");
        var token = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("FORUM_API_ADMIN_TOKEN");
        return (new Uri(url.TrimEnd('/') + "/"), string.IsNullOrWhiteSpace(token) ? DevelopmentAdminToken : token);
    }

    /// <summary>A short suffix that keeps this run's slugs and e-mails apart from another run's against the same API.</summary>
    public static string RunId { get; } = Guid.NewGuid().ToString("N")[..10];

    /// <summary>Runs one step: ✓ when it returns, ✖ with the reason when it throws (an <see cref="Expect"/> or the client's own error).</summary>
    public async Task<T?> Step<T>(string title, Func<Task<T>> step)
    {
        try
        {
            var result = await step();
            _passed++;
            Console.WriteLine($"✓ {title}");
            return result;
        }
        catch (Exception e)
        {
            _failed++;
            Console.WriteLine($"✖ {title} — {e.GetType().Name}: {(describe?.Invoke(e) ?? e.Message).ReplaceLineEndings(" ")}");
            return default;
        }
    }

    /// <summary>Fails the step with what was found instead.</summary>
    public static void Expect([DoesNotReturnIf(false)] bool condition, string found)
    {
        if (!condition)
            throw new WalkFailure(found);
    }

    /// <summary>Prints the count and returns the exit code: 0 only when every step passed.</summary>
    public int End()
    {
        Console.WriteLine($"{name} walk: {_passed} passed, {_failed} failed");
        return _failed == 0 && _passed > 0 ? 0 : 1;
    }

    /// <summary>The first bytes of every PNG file (RFC 2083, 3.1).</summary>
    public static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Two delegates as a CSV file (RFC 4180, CRLF), in a delegation the import creates.</summary>
    public static string ImportCsv(string client) =>
        "name,nameLatin,email,country,delegation,position.en\r\n" +
        $"Чон Ёнг Хва,Chon Yong-hwa,chon-{RunId}@{client}.example.kr,KR,Delegation of the Republic of Korea,Director\r\n" +
        $"Ю Мин Бон,Yu Min-bong,yu-{RunId}@{client}.example.kr,KR,Delegation of the Republic of Korea,Secretary General\r\n";
}

public sealed class WalkFailure(string message) : Exception(message);
