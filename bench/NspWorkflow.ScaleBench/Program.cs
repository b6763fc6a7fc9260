using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Bench;
using NspWorkflow.Data;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.ScaleBench;

/// <summary>
/// NSP Workflow at scale: a fresh database filled with N cases through the app's own services, then the coordinator's
/// inbox, case list, case page and budget page timed over HTTP beside their own queries alone, or (<c>--bench invoice</c>) the monthly
/// invoice basis job. See the README's "Pages at scale".
/// Not top-level statements: those would declare a second <c>Program</c> beside the app's.
/// </summary>
internal static class ScaleBenchProgram
{
    public static async Task Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var options = ScaleOptions.Parse(args);
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var database = await BenchDatabase.CreateAsync(options.Provider, options.PostgresConnection);
        Console.WriteLine(options.Bench == "invoice"
            ? $"NSP Workflow invoice basis job at scale on {options.Provider}: {options.Cases} cases over {options.Shelters} shelters" +
              (options.Active > 0 ? $", and more of the last year until {options.Active} are active in the month before this" : "")
            : $"NSP Workflow pages at scale on {options.Provider}: {options.Cases} cases over {options.Shelters} shelters, " +
              $"{options.Requests} requests a page after {options.WarmUp} to warm up");
        try
        {
            await using var host = ScaleHost.Start(options.Provider, database.ConnectionString);
            var counts = await new ScaleGenerator(host.Services, options, host.Services.GetRequiredService<TimeProvider>()).GenerateAsync(stop.Token);
            Console.WriteLine($"Generated in {counts.Elapsed.TotalSeconds:F0} s: {counts.Cases} cases ({counts.Added} added for --active; " +
                              $"{counts.ActiveInMonth} active with days in the month before this), {counts.Instances} workflow instances, " +
                              $"{counts.Tasks} tasks ({counts.OpenTasks} open), {counts.AuditEntries} audit entries, {counts.Mails} mails");
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
                // Statistics as a running server has them: PostgreSQL's autovacuum analyses a table this changed soon after.
                // SQLite keeps none unless told (the app does not), so it plans without, as in production.
                // The app folds the months' commitment rows every five minutes; the generator added one per case and month.
                var folding = Stopwatch.StartNew();
                var folded = await scope.ServiceProvider.GetRequiredService<CommitmentTotals>().CompactAsync(stop.Token);
                Console.WriteLine($"Commitment totals: {folded} rows folded into a row a month in {folding.Elapsed.TotalSeconds:F1} s (the five-minute job's work)");
                if (options.Provider == "postgresql")
                    await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE", stop.Token);
                var open = await db.WorkflowTasks.Where(t => t.Status == WaitStatus.Open).GroupBy(t => t.AssigneeRole)
                    .Select(g => new { Role = g.Key, Count = g.Count() }).ToListAsync(stop.Token);
                Console.WriteLine($"Commitment rows: {await db.CommitmentMonths.CountAsync(stop.Token)} months, " +
                                  $"{await db.CommitmentPeriods.CountAsync(stop.Token)} periods; {await db.Grants.CountAsync(stop.Token)} grants, " +
                                  $"{await db.FunderRules.CountAsync(stop.Token)} funder rules");
                Console.WriteLine("Open tasks: " + string.Join(", ", open.Select(o => $"{o.Role} {o.Count}")) +
                                  $" (each shelter about {open.Where(o => o.Role == Roles.Shelter).Sum(o => o.Count) / options.Shelters})");
            }

            if (options.Bench == "invoice")
            {
                InvoiceReport.Print(await new InvoiceBench(host).RunAsync(stop.Token));
                return;
            }

            using var coordinator = await host.SignInAsync("coordinator", stop.Token);
            var figures = await new PageBench(host, coordinator, options).RunAsync(stop.Token);
            Console.WriteLine();
            Console.WriteLine("| Page | Address | Page p50 | Page p95 | SQL alone p50 | SQL alone p95 | p95 under the goal |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---|");
            foreach (var f in figures)
            {
                var goal = f.Goal is { } g ? $"{(f.Page.P95 < g ? "yes" : "**no**")} ({g.TotalMilliseconds:F0} ms)" : "–";
                var address = f.Url.Length > 48 ? f.Url[..45] + "…" : f.Url;
                Console.WriteLine($"| {f.Name} | `{address}` | {Ms(f.Page.P50)} | {Ms(f.Page.P95)} | {Ms(f.Sql.P50)} | {Ms(f.Sql.P95)} | {goal} |");
            }
        }
        finally
        {
            if (options.Keep)
                Console.WriteLine($"Kept the database: {database.ConnectionString}");
            else
                await database.DropAsync();
        }
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:F1} ms";
}
