namespace NspWorkflow.Bench;

/// <summary>
/// What to measure, from the command line: <c>--provider sqlite|postgresql --postgres "Host=..." --clients 1,8
/// --instances 2000 --rounds 5 --warm-up 2000 --timers 10000 --pending 25000 --show-sql</c>. <c>--show-sql</c> prints what one start and one resume
/// send to the database (EF's log of connections, transactions and commands) before measuring.
/// </summary>
public sealed record BenchOptions(
    string Provider, string? PostgresConnection, IReadOnlyList<int> Clients, int Instances, int Timers, int PendingTimers,
    bool ShowSql = false, int WarmUp = 2000, int Rounds = 5)
{
    public static BenchOptions Parse(string[] args)
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
        var clients = Value("--clients", "1,8").Split(',').Select(int.Parse).ToList();
        var rounds = int.Parse(Value("--rounds", "5"));
        if (rounds < 1)
            throw new ArgumentException("--rounds must be at least 1.");
        return new BenchOptions(provider, postgres.Length == 0 ? null : postgres, clients,
            int.Parse(Value("--instances", "2000")), int.Parse(Value("--timers", "10000")), int.Parse(Value("--pending", "25000")),
            args.Contains("--show-sql"), int.Parse(Value("--warm-up", "2000")), rounds);
    }
}
