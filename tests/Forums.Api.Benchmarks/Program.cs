using Forums.Api.Benchmarks;

// dotnet run -c Release --project tests/Forums.Api.Benchmarks -- import [rows] [runs]
// dotnet run -c Release --project tests/Forums.Api.Benchmarks -- memory [most sessions to try]
// dotnet run -c Release --project tests/Forums.Api.Benchmarks -- http [delegates] [seconds per scenario] [scenario filter] [--rounds=N] [--build=<the API's build output folder>] [--against=<another build's>]   (needs wrk)
var options = args.Where(a => a.StartsWith("--")).Select(a => a[2..].Split('=', 2)).ToDictionary(o => o[0], o => o.ElementAtOrDefault(1));
args = args.Where(a => !a.StartsWith("--")).ToArray();
var unknown = options.Keys.Except(["rounds", "build", "against"]).FirstOrDefault();
if (unknown is not null || options.Values.Any(string.IsNullOrEmpty))
{
    Console.Error.WriteLine($"Options are --rounds=N, --build=<folder> and --against=<folder> (http only){(unknown is null ? ", each with its value" : $"; not --{unknown}")}.");
    return 2;
}
var scenario = args.FirstOrDefault() ?? "import";
switch (scenario)
{
    case "import":
        await ImportBenchmark.RunAsync(
            rows: args.Length > 1 ? int.Parse(args[1]) : 10_000,
            runs: args.Length > 2 ? int.Parse(args[2]) : 3);
        break;
    case "http":
        await HttpBenchmark.RunAsync(
            delegates: args.Length > 1 ? int.Parse(args[1]) : 100_000,
            seconds: args.Length > 2 ? int.Parse(args[2]) : 10,
            only: args.Length > 3 ? args[3] : null,
            build: options.GetValueOrDefault("build"),
            against: options.GetValueOrDefault("against"),
            rounds: options.GetValueOrDefault("rounds") is { } rounds ? int.Parse(rounds) : 3);
        break;
    case "memory":
        await MemoryBenchmark.RunAsync(maxSessions: args.Length > 1 ? int.Parse(args[1]) : 5_000);
        break;
    default:
        Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: import, http, memory");
        return 2;
}
return 0;
