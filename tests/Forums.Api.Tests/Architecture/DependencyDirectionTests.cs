using System.Reflection;
using NetArchTest.Rules;

namespace Forums.Api.Tests.Architecture;

/// <summary>
/// Domain ← Persistence ← Features/Http, read from the compiled assembly (type references in signatures and IL).
/// Layers, bottom up: Domain (rules); Hosting (settings, no app type); Persistence (EF, ledger, locks); Http and Auth
/// (the web layer features stand on); Features (use cases); Seeding (calls the features' commands); OpenApi and the
/// composition roots (Program, Http.HttpSetup) on top, free to reference everything.
/// </summary>
public sealed class DependencyDirectionTests
{
    private const string App = "Forums.Api";
    private static readonly Assembly Api = typeof(Forums.Api.Domain.Forum).Assembly;

    /// <summary>The composition roots: they wire every layer together, so they may name them all.</summary>
    private static readonly HashSet<string> CompositionRoots = ["Forums.Api.Http.HttpSetup"];

    /// <summary>Known exceptions being removed on other branches; each names its type and why.</summary>
    private static readonly Dictionary<string, string> Pending = new();

    public static TheoryData<string, string[]> Rules => new()
    {
        { "Domain", [$"{App}.Hosting", $"{App}.Persistence", $"{App}.Http", $"{App}.Auth", $"{App}.Features", $"{App}.Seeding", $"{App}.OpenApi", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "FastEndpoints"] },
        { "Hosting", [$"{App}.Domain", $"{App}.Persistence", $"{App}.Http", $"{App}.Auth", $"{App}.Features", $"{App}.Seeding", $"{App}.OpenApi"] },
        { "Persistence", [$"{App}.Http", $"{App}.Auth", $"{App}.Features", $"{App}.Seeding", $"{App}.OpenApi", "FastEndpoints", "Microsoft.AspNetCore.Http.IResult"] },
        { "Auth", [$"{App}.Features", $"{App}.Seeding", $"{App}.OpenApi"] },
        { "Http", [$"{App}.Features", $"{App}.Seeding", $"{App}.OpenApi"] },
        { "Features", [$"{App}.Seeding", $"{App}.OpenApi"] },
        // A forum's own use cases do not reach into the features of what lives under it (sessions, speakers...).
        { "Features.Forums", [$"{App}.Features.CheckIns", $"{App}.Features.Delegates", $"{App}.Features.Delegations", $"{App}.Features.Programme", $"{App}.Features.Sessions", $"{App}.Features.Speakers", $"{App}.Features.Tokens"] },
        { "Seeding", [$"{App}.OpenApi", $"{App}.Auth", "FastEndpoints"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_namespace_references_no_layer_above_it(string layer, string[] forbidden)
    {
        var offenders = Offenders(layer, forbidden);

        Assert.True(offenders.Count == 0, $"{App}.{layer} references what it must not:\n{string.Join("\n", offenders)}");
    }

    [Fact]
    public void Seeding_uses_the_features_commands_not_their_requests_or_endpoints()
    {
        // A request or an endpoint is an HTTP type: named so, or bound by FastEndpoints' attributes.
        var http = Api.GetTypes()
            .Where(t => t.Namespace?.StartsWith($"{App}.Features", StringComparison.Ordinal) == true)
            .Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal) || t.Name.EndsWith("Endpoint", StringComparison.Ordinal)
                        || t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                            .Any(p => p.GetCustomAttributes().Any(a => a.GetType().Namespace == "FastEndpoints")))
            .Select(t => t.FullName!.Replace('+', '/'))
            .ToArray();
        Assert.NotEmpty(http);

        var offenders = Offenders("Seeding", http);

        Assert.True(offenders.Count == 0, $"Seeding references the features' HTTP types:\n{string.Join("\n", offenders)}");
    }

    [Fact]
    public void Every_pending_exception_is_still_needed()
    {
        foreach (var type in Pending.Keys.Concat(CompositionRoots))
            Assert.NotNull(Api.GetType(type));
    }

    private static List<string> Offenders(string layer, string[] forbidden) =>
        Types.InAssembly(Api).That().ResideInNamespace($"{App}.{layer}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult().FailingTypes?
            .Select(t => t.FullName)
            .Where(name => !Pending.ContainsKey(name.Split('/')[0]) && !CompositionRoots.Contains(name.Split('/')[0]))
            .Order().ToList() ?? [];
}
