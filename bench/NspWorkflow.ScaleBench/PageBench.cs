using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Bench;
using NspWorkflow.Data;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Features.Reports;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Cases.Pages;
using NspWorkflow.Web.Features.Tasks;
using NspWorkflow.Web.Features.Tasks.Assignments;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.DevelopmentIdentity;
using NspWorkflow.Web.Infrastructure.Hosting;
using InboxModel = NspWorkflow.Web.Features.Tasks.Pages.InboxModel;

namespace NspWorkflow.ScaleBench;

/// <summary>
/// One measured page: over HTTP as the signed-in coordinator, and its own queries alone, alternately; <see cref="Goal"/> is
/// the p95 the issue asked of it, if any (50 ms for the lists, 100 ms for the budget, 2 s for the annual report).
/// </summary>
public sealed record PageFigures(string Name, string Url, Measurement Page, Measurement Sql, TimeSpan? Goal);

/// <summary>
/// Times the coordinator's pages at scale: each request over HTTP through the whole app (authentication, the page's
/// queries, rendering), and beside it, in turn, the same queries the page runs (its EF queries through the app's own
/// services and <see cref="CaseListQuery"/>, with the audit row it writes), alone. The difference is the page's own cost.
/// </summary>
public sealed class PageBench(ScaleHost host, HttpClient coordinator, ScaleOptions options)
{
    private const string Actor = "Karin Samordnare";
    private static readonly TimeSpan ListGoal = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan BudgetGoal = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReportGoal = TimeSpan.FromSeconds(2);

    public async Task<IReadOnlyList<PageFigures>> RunAsync(CancellationToken cancellationToken)
    {
        var shelter = DemoDirectory.ShelterNorth;
        var later = await LaterPageAsync(cancellationToken);
        var cases = await SampleCasesAsync(cancellationToken);
        // The year the page shows when none is asked for, and the day its forecast starts from, as the page takes them.
        var today = SwedishCalendar.Today(host.Services.GetRequiredService<TimeProvider>());
        var figures = new List<PageFigures>
        {
            await MeasureAsync("Inbox (coordinator)", _ => "/inbox", _ => InboxAsync(cancellationToken), ListGoal, cancellationToken),
            await MeasureAsync("Case list, first page", _ => "/cases", _ => CaseListAsync(null, null, null, cancellationToken), ListGoal, cancellationToken),
            await MeasureAsync("Case list, shelter + active", _ => $"/cases?shelter={shelter}&status=active",
                _ => CaseListAsync(shelter, CaseStatus.Active, null, cancellationToken), ListGoal, cancellationToken),
            await MeasureAsync("Case list, page 101", _ => $"/cases?after={Uri.EscapeDataString(later.ToString())}",
                _ => CaseListAsync(null, null, later, cancellationToken), ListGoal, cancellationToken),
            await MeasureAsync("Case page (200 cases)", i => $"/cases/{cases[i % cases.Count]}",
                i => CasePageAsync(cases[i % cases.Count], cancellationToken), null, cancellationToken),
            await MeasureAsync("Budget (this year)", _ => $"/budget?year={today.Year}", _ => BudgetAsync(today, cancellationToken), BudgetGoal,
                cancellationToken),
            // Last year: the last whole year of the data (the cases are spread over the four years before the run).
            await MeasureAsync("Annual report (last year)", _ => $"/reports?year={today.Year - 1}", _ => ReportAsync(today.Year - 1, today, cancellationToken),
                ReportGoal, cancellationToken),
        };
        return figures;
    }

    /// <summary>Warm-up, then the page and its queries alternately, so both see the same moments of a shared machine.</summary>
    private async Task<PageFigures> MeasureAsync(string name, Func<int, string> url, Func<int, Task> sql, TimeSpan? goal,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.WarmUp; i++)
        {
            await GetAsync(url(i), cancellationToken);
            await sql(i);
        }
        var (page, alone) = await Measurement.RunAlternatelyAsync(1, Enumerable.Range(0, options.Requests).ToList(),
            i => GetAsync(url(i), cancellationToken), (_, i) => sql((int)i));
        return new PageFigures(name, url(0), page, alone, goal);
    }

    private async Task GetAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await coordinator.GetAsync(url, cancellationToken);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsStringAsync(cancellationToken);
        // A lost session would land on the sign-in page with 200: that is not the page.
        if (response.RequestMessage!.RequestUri!.AbsolutePath != url.Split('?')[0])
            throw new InvalidOperationException($"{url} ended at {response.RequestMessage.RequestUri}.");
    }

    /// <summary>
    /// The inbox's queries (InboxModel): the shelters, whose items the coordinator sees today (their own and those of the
    /// colleagues they stand in for), the count and the first page of them with their references and hand-overs, the
    /// stand-ins, the counts by kind.
    /// </summary>
    private async Task InboxAsync(CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var queries = scope.ServiceProvider.GetRequiredService<TaskQueries>();
        var standIns = scope.ServiceProvider.GetRequiredService<StandIns>();
        await db.Shelters.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.Region }).ToListAsync(cancellationToken);
        var filter = new InboxFilter(Assignees: await standIns.InboxOwnersAsync(Coordinator, cancellationToken));
        await queries.CountWaitingAsync(Roles.Coordinator, filter, cancellationToken);
        var page = await queries.WaitingForAsync(Roles.Coordinator, filter, InboxModel.PageSize, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<TaskAssignments>().OfAsync([.. page.Select(t => t.Task.Id)], cancellationToken);
        await standIns.OfAsync(Coordinator, cancellationToken);
        await queries.CountWaitingByFormAsync(Roles.Coordinator, cancellationToken);
    }

    /// <summary>The demo coordinator as the inbox sees her (the subject is what hand-overs and stand-ins name).</summary>
    private static readonly System.Security.Claims.ClaimsPrincipal Coordinator = new(new System.Security.Claims.ClaimsIdentity(
        [new(NspClaimTypes.Subject, "coordinator"), new(NspClaimTypes.Name, "Karin Samordnare"), new(NspClaimTypes.Role, Roles.Coordinator)],
        "bench", NspClaimTypes.Name, NspClaimTypes.Role));

    /// <summary>The case list's queries (IndexModel): the shelters, the count, the page, the audit row.</summary>
    private async Task CaseListAsync(Guid? shelter, CaseStatus? status, CaseListCursor? after, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var workspace = scope.ServiceProvider.GetRequiredService<CaseWorkspace>();
        await db.Shelters.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancellationToken);
        var query = CaseListQuery.Filter(db.Cases.AsNoTracking(), shelter, status, null);
        await query.CountAsync(cancellationToken);
        var page = await CaseListQuery.PageAsync(query, after, null, IndexModel.PageSize, cancellationToken);
        workspace.Audit(Actor, "case.list", null, $"{page.Cases.Count} cases");
        await workspace.SaveAsync(cancellationToken);
    }

    /// <summary>The case page's queries (CaseReader): the case row, its open tasks, the audit row; not the decryption.</summary>
    private async Task CasePageAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var workspace = scope.ServiceProvider.GetRequiredService<CaseWorkspace>();
        var tasks = scope.ServiceProvider.GetRequiredService<TaskQueries>();
        await db.Cases.FindAsync([id], cancellationToken);
        await tasks.OpenOfAsync(CaseTaskSubjects.CaseKind, id.ToString(), cancellationToken);
        workspace.Audit(Actor, "case.read", null);
        await workspace.SaveAsync(cancellationToken);
    }

    /// <summary>
    /// The budget page's queries (its LoadAsync): the year's statement (<see cref="BudgetQueries.StatementAsync"/>: the
    /// commitments and the attested lines summed by month, the running renewable periods of active cases, the counts of
    /// renewed and renewable periods, the year's grants and the rules), then all the grants and the rules for the forms.
    /// </summary>
    private async Task BudgetAsync(DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<BudgetQueries>();
        await queries.StatementAsync(today.Year, today, cancellationToken);
        await queries.GrantsAsync(null, cancellationToken);
        await queries.RulesAsync(cancellationToken);
    }

    /// <summary>
    /// The annual report's queries (<see cref="ReportQueries.AnnualAsync"/>: the persons' report rows of the year, the
    /// interventions of the year and the three before, the shelters and the year's budget), without the page's rendering.
    /// </summary>
    private async Task ReportAsync(int year, DateOnly today, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReportQueries>().AnnualAsync(year, today, cancellationToken);
    }

    /// <summary>Where page 101 of all cases starts: after the 5 000th newest (or half way, with fewer cases).</summary>
    private async Task<CaseListCursor> LaterPageAsync(CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var row = await db.Cases.AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Reference)
            .Skip(Math.Min(100 * IndexModel.PageSize, options.Cases / 2) - 1).Select(c => new { c.CreatedAt, c.Reference }).FirstAsync(cancellationToken);
        return new CaseListCursor(row.CreatedAt, row.Reference);
    }

    /// <summary>Cases spread over the whole list, so the case page does not read one hot row.</summary>
    private async Task<IReadOnlyList<Guid>> SampleCasesAsync(CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var ids = await db.Cases.AsNoTracking().OrderBy(c => c.Reference).Select(c => c.Id).ToListAsync(cancellationToken);
        var step = Math.Max(1, ids.Count / options.Requests);
        return [.. ids.Where((_, i) => i % step == 0).Take(options.Requests)];
    }
}
