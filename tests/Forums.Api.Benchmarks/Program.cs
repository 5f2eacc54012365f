using Forums.Api.Benchmarks;

// dotnet run -c Release --project tests/Forums.Api.Benchmarks -- import [rows] [runs]
var scenario = args.FirstOrDefault() ?? "import";
switch (scenario)
{
    case "import":
        await ImportBenchmark.RunAsync(
            rows: args.Length > 1 ? int.Parse(args[1]) : 10_000,
            runs: args.Length > 2 ? int.Parse(args[2]) : 3);
        break;
    default:
        Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: import");
        return 2;
}
return 0;
