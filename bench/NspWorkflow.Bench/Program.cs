using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using NspWorkflow.Bench;
using NspWorkflow.Engine.Store;

// NSP Workflow engine benchmark: the pathway-shaped example definition (user task, reminder timer, gateway, user task,
// end) on the real store, with the clock moved rather than waited for. See the README's Benchmarks section.
var options = BenchOptions.Parse(args);
var database = await BenchDatabase.CreateAsync(options.Provider, options.PostgresConnection);
var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
Console.WriteLine($"NSP Workflow engine benchmark on {options.Provider}: {options.Instances} instances per run, " +
                  $"{options.Timers} due timers, start-up over {options.PendingTimers} pending timers");
try
{
    var log = options.ShowSql ? new CommandLog() : null;
    await using (var host = await EngineHost.StartAsync(database.Provider, database.ConnectionString, clock, migrate: true, log))
    {
        await host.PublishExampleAsync();
        if (log is not null)
            await ShowSqlAsync(host, log);
        var raw = RawUpdateBenchmark.For(database);
        await raw.PrepareAsync();

        // Warm-up, not measured: the JIT compiles the hot paths again, optimised, once they have run a while, and the
        // connection pool fills; without it the first figures measure the warm-up.
        await Measurement.RunItemsAsync(options.Clients.Max(), Enumerable.Range(0, options.WarmUp).ToList(),
            async _ => Expect(await host.StartInstanceAsync(), EngineOutcome.Started));
        await Measurement.RunItemsAsync(options.Clients.Max(), await host.OpenTaskIdsAsync("Task_Complete"),
            async id => Expect(await host.CompleteAsync(id), EngineOutcome.Completed));
        await raw.RunAsync(options.Clients.Max(), TimeSpan.FromSeconds(1));

        foreach (var clients in options.Clients)
        {
            // Rounds of starts, resumes and raw transactions, each raw run as long as the resumes before it, so each
            // ratio compares neighbouring moments of a shared machine; the median round is the figure.
            Console.WriteLine($"\n{clients} client(s)");
            var rounds = new List<Round>();
            for (var round = 1; round <= options.Rounds; round++)
            {
                var starts = await Measurement.RunItemsAsync(clients, Enumerable.Range(0, options.Instances).ToList(),
                    async _ => Expect(await host.StartInstanceAsync(), EngineOutcome.Started));
                var tasks = await host.OpenTaskIdsAsync("Task_Complete");
                var resumes = await Measurement.RunItemsAsync(clients, tasks,
                    async id => Expect(await host.CompleteAsync(id), EngineOutcome.Completed));
                var baseline = await raw.RunAsync(clients, TimeSpan.FromSeconds(Math.Max(1, resumes.Elapsed.TotalSeconds)));
                rounds.Add(new Round(starts, resumes, baseline));
                Console.WriteLine($"  round {round}: resumes {resumes.PerSecond,6:F0}/s, raw {baseline.PerSecond,6:F0}/s, ratio {rounds[^1].Ratio,4:P0}");
            }

            var median = rounds.OrderBy(r => r.Ratio).ElementAt(rounds.Count / 2);
            Console.WriteLine("  median round:");
            Console.WriteLine($"  starts                          {median.Starts}");
            Console.WriteLine($"  resumes (task completions)      {median.Resumes}");
            Console.WriteLine($"  raw single-row UPDATE txns      {median.Raw}");
            Console.WriteLine($"  resumes / raw                   {median.Ratio:P0} (rounds {rounds.Min(r => r.Ratio):P0} to {rounds.Max(r => r.Ratio):P0}; goal: at least 50 %)");

            // The same comparison with each client alternating a resume and a raw transaction, so a shared machine's
            // load falls on both alike (the figures above are measured one after the other).
            await Measurement.RunItemsAsync(clients, Enumerable.Range(0, options.Instances).ToList(),
                async _ => Expect(await host.StartInstanceAsync(), EngineOutcome.Started));
            var (alternateResumes, alternateRaw) = await Measurement.RunAlternatelyAsync(clients, await host.OpenTaskIdsAsync("Task_Complete"),
                async id => Expect(await host.CompleteAsync(id), EngineOutcome.Completed), raw.UpdateOnceAsync);
            Console.WriteLine($"  alternating: resumes            {alternateResumes}");
            Console.WriteLine($"  alternating: raw UPDATE txns    {alternateRaw}");
            Console.WriteLine($"  alternating: resumes / raw      {alternateResumes.PerSecond / alternateRaw.PerSecond:P0} (goal: at least 50 %)");
        }

        // Timers: instances whose reminders all fall due, swept by two sweepers at once (two app nodes).
        await Measurement.RunItemsAsync(8, Enumerable.Range(0, options.Timers).ToList(),
            async _ => Expect(await host.StartInstanceAsync(), EngineOutcome.Started));
        clock.Advance(TimeSpan.FromDays(24));
        var fired = 0;
        var sweep = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var result = await host.SweepAsync(500);
                Interlocked.Add(ref fired, result.Fired);
                if (result.Claimed == 0)
                    return;
            }
        })));
        sweep.Stop();
        Console.WriteLine($"\ntimers: {fired} of {options.Timers} due timers fired by two sweepers in {sweep.Elapsed.TotalSeconds:F1} s " +
                          $"({fired / sweep.Elapsed.TotalSeconds:F0}/s; goal: 10 000 in under 60 s)");

        // Pending timers for the start-up measurement: instances whose reminders are weeks away.
        await Measurement.RunItemsAsync(8, Enumerable.Range(0, options.PendingTimers).ToList(),
            async _ => Expect(await host.StartInstanceAsync(), EngineOutcome.Started));
    }

    // Start-up: compose the engine, open the database, check its migrations and run a first sweep (nothing is due).
    var startup = Stopwatch.StartNew();
    await using (var restarted = await EngineHost.StartAsync(database.Provider, database.ConnectionString, clock, migrate: false))
    {
        var first = await restarted.SweepAsync(500);
        startup.Stop();
        Console.WriteLine($"start-up with {options.PendingTimers} pending timers: {startup.Elapsed.TotalSeconds:F2} s " +
                          $"(first sweep claimed {first.Claimed}; goal: under 5 s)");
    }
}
finally
{
    await database.DropAsync();
}

// One start and one resume with EF's log on (after a warm-up pair, so the first-use reads do not count).
static async Task ShowSqlAsync(EngineHost host, CommandLog log)
{
    for (var round = 0; round < 2; round++)
    {
        log.Recording = round == 1;
        Expect(await host.StartInstanceAsync(), EngineOutcome.Started);
        var started = log.Take();
        var task = (await host.OpenTaskIdsAsync("Task_Complete")).Last();
        log.Take();
        Expect(await host.CompleteAsync(task), EngineOutcome.Completed);
        var resumed = log.Take();
        log.Recording = false;
        if (round == 1)
        {
            Print("one start", started);
            Print("one resume", resumed);
        }
        // The warm-up's and this round's tasks stay open; complete them so the measured runs see only their own.
        foreach (var open in await host.OpenTaskIdsAsync("Task_Complete"))
            Expect(await host.CompleteAsync(open), EngineOutcome.Completed);
    }

    static void Print(string what, IReadOnlyList<string> lines)
    {
        var commands = lines.Count(l => l.Contains("Executed DbCommand", StringComparison.Ordinal) || l.Contains("Executed DbBatch", StringComparison.Ordinal));
        Console.WriteLine($"\n--- {what}: {commands} command(s) ---");
        foreach (var line in lines)
            Console.WriteLine(line);
    }
}

static void Expect(EngineResult result, EngineOutcome expected)
{
    if (result.Outcome != expected)
        throw new InvalidOperationException($"Expected {expected}, got {result.Outcome}: {result.Message}");
}
