namespace NspWorkflow.ScaleBench;

/// <summary>
/// What to generate and measure, from the command line: <c>--provider sqlite|postgresql --postgres "Host=..." --cases 100000
/// --shelters 40 --requests 200 --warm-up 30 --seed 1 --keep --bench pages|invoice --active 10000</c>. <c>--keep</c> leaves
/// the database (and prints where it is) instead of dropping it. <c>--bench invoice</c> runs the monthly invoice basis job
/// instead of timing the pages; <c>--active N</c> adds cases of the last year until N active cases have days in the month
/// before the current one (the four-year histories alone give about one in ten).
/// </summary>
public sealed record ScaleOptions(string Provider, string? PostgresConnection, int Cases, int Shelters, int Requests, int WarmUp,
    int Seed, bool Keep, string Bench = "pages", int Active = 0)
{
    public static ScaleOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        var provider = Value("--provider", "sqlite").ToLowerInvariant();
        if (provider is not ("sqlite" or "postgresql"))
            throw new ArgumentException($"--provider must be sqlite or postgresql, not '{provider}'.");
        var postgres = Value("--postgres", Environment.GetEnvironmentVariable("NSP_BENCH_POSTGRES") ?? "");
        if (provider == "postgresql" && postgres.Length == 0)
            throw new ArgumentException("--postgres (or NSP_BENCH_POSTGRES) must name a PostgreSQL server for --provider postgresql.");
        var bench = Value("--bench", "pages").ToLowerInvariant();
        if (bench is not ("pages" or "invoice"))
            throw new ArgumentException($"--bench must be pages or invoice, not '{bench}'.");
        var options = new ScaleOptions(provider, postgres.Length == 0 ? null : postgres, int.Parse(Value("--cases", "100000")),
            int.Parse(Value("--shelters", "40")), int.Parse(Value("--requests", "200")), int.Parse(Value("--warm-up", "30")),
            int.Parse(Value("--seed", "1")), args.Contains("--keep"), bench, int.Parse(Value("--active", "0")));
        if (options.Cases < 100 || options.Shelters < 2 || options.Requests < 1 || options.Active < 0)
            throw new ArgumentException("--cases must be at least 100, --shelters at least 2 (the demo shelters), --requests at least 1, --active not negative.");
        return options;
    }
}
