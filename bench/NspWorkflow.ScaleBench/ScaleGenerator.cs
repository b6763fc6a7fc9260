using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Outbox;
using NspWorkflow.Data.Workflows;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Tariffs;
using NspWorkflow.Web.Infrastructure.DevelopmentIdentity;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.ScaleBench;

/// <summary>What the generator wrote.</summary>
/// <remarks>
/// <see cref="ActiveInMonth"/>: active cases with days in the month before the current one (the invoice benchmark's month);
/// <see cref="Added"/>: cases added after the four-year histories for <c>--active</c>.
/// </remarks>
public sealed record GeneratedCounts(int Cases, int Instances, int Tasks, int OpenTasks, int AuditEntries, int Mails, int ActiveInMonth,
    int Added, TimeSpan Elapsed);

/// <summary>
/// Fills the app's database with N cases over the shelters, created evenly over the last four years, through the app's
/// own services: each case is built by the domain (<see cref="CaseHistory"/>) and written by the app's
/// <see cref="CaseStore"/>, so its case file is encrypted by the app's <c>CaseFileProtector</c> with the app's keys.
/// With each case: its workflow instance (one per case, the tasks' owner), its tasks (open and completed), audit entries
/// (created, each task completed), the mail each shelter task sent, and its commitment rows (the budget's months and
/// periods) written by the app's <see cref="CaseCommitments"/> in the same context, as the app writes them with each
/// change of a case. Inserted in batches, each a fresh context with change detection off, so 100 000 cases load in
/// minutes. Before the cases, a budget for each year of the data (<see cref="ScaleBudget"/>). With <c>--active N</c>, cases of the last year follow until
/// N active cases have days in the month before the current one (the invoice benchmark's month).
/// </summary>
/// <remarks>
/// The instances' engine state is a minimal snapshot (no tokens): the generated tasks are for the lists and pages to
/// read, not to be completed.
/// </remarks>
public sealed class ScaleGenerator(IServiceProvider services, ScaleOptions options, TimeProvider time)
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan Span = TimeSpan.FromDays(4 * 365);

    public async Task<GeneratedCounts> GenerateAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var shelters = await SheltersAsync(now, cancellationToken);
        await ScaleBudget.WriteAsync(services, (now - Span).Year, now.Year, cancellationToken);
        var random = new Random(options.Seed);
        // The schedule as a job takes it once (TariffSchedule is scoped now, so the root provider refuses it).
        var history = new CaseHistory(services.GetRequiredService<TariffCatalog>().Current, random, now);
        var month = InvoiceMonth.Of(SwedishCalendar.Today(time)).Previous;
        var numbers = new Dictionary<int, int>();
        var counts = new GeneratedCounts(0, 0, 0, 0, 0, 0, 0, 0, TimeSpan.Zero);
        var saved = TimeSpan.Zero;
        var committing = TimeSpan.Zero;
        // Lazily, so the --active top-up sees the count of the cases written before it.
        using var times = CreationTimes(now, random, () => counts.ActiveInMonth).GetEnumerator();
        var more = times.MoveNext();
        for (var batch = 0; more; batch++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var store = scope.ServiceProvider.GetRequiredService<CaseStore>();
            var commitments = scope.ServiceProvider.GetRequiredService<CaseCommitments>();
            for (var n = 0; n < BatchSize && more; n++)
            {
                var created = times.Current;
                var year = created.UtcDateTime.Year;
                numbers[year] = numbers.GetValueOrDefault(year) + 1;
                var shelter = shelters[random.Next(shelters.Count)];
                var made = history.Make(Guid.NewGuid(), CaseReference.Format(year, numbers[year]), shelter, created);
                var row = store.Add(made.Case, created);
                // When the history last changed the case, as the app stamps each change: the invoice job reads the cases
                // closed since the month before began by it.
                row.UpdatedAt = made.Tasks.Select(t => t.CompletedAt ?? t.CreatedAt).Append(created).Max();
                counts = Write(db, made, shelter, counts);
                // As the app: an admitted case's rows are written with it (CaseWorkspace), or by the backfill from its file
                // (which skips applied cases and writes nothing for a case without periods).
                if (made.Case.Status != CaseStatus.Applied && made.Case.Periods.Count > 0)
                {
                    var writing = Stopwatch.GetTimestamp();
                    await commitments.WriteAsync(made.Case, cancellationToken);
                    committing += Stopwatch.GetElapsedTime(writing);
                }
                if (InvoiceBench.HasDaysIn(made.Case, month))
                    counts = counts with { ActiveInMonth = counts.ActiveInMonth + 1 };
                if (counts.Cases > options.Cases)
                    counts = counts with { Added = counts.Added + 1 };
                more = times.MoveNext();
            }
            var saving = Stopwatch.GetTimestamp();
            await db.SaveChangesAsync(cancellationToken);
            saved += Stopwatch.GetElapsedTime(saving);
            if (batch % 10 == 9 || !more)
                Console.WriteLine($"  {counts.Cases,7} cases ({counts.ActiveInMonth} active in {month}), {watch.Elapsed.TotalSeconds,5:F0} s ({saved.TotalSeconds:F0} s saving, " +
                                  $"{committing.TotalSeconds:F0} s computing the commitments)");
        }
        foreach (var (violation, count) in history.Violations)
            Console.WriteLine($"  rule violation in {count} histories: {violation}");
        return counts with { Elapsed = watch.Elapsed };
    }

    /// <summary>
    /// When each case was created: evenly over four years to now, a few seconds apart at 100 000 (no two at one instant, as
    /// in life); then, for <c>--active</c>, more at random moments of the last year (a busier program) until that many
    /// active cases have days in the month before the current one.
    /// </summary>
    private IEnumerable<DateTimeOffset> CreationTimes(DateTimeOffset now, Random random, Func<int> activeInMonth)
    {
        for (var i = 0; i < options.Cases; i++)
            yield return now - Span + TimeSpan.FromTicks(Span.Ticks / options.Cases * i) + TimeSpan.FromMilliseconds(random.Next(0, 1000));
        var year = TimeSpan.FromDays(365);
        while (activeInMonth() < options.Active)
            yield return now - year + TimeSpan.FromTicks((long)(random.NextDouble() * year.Ticks));
    }

    /// <summary>The demo shelters (the demo users' own) and as many more as asked, all certified.</summary>
    private async Task<IReadOnlyList<Shelter>> SheltersAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var regions = Enum.GetValues<Region>();
        for (var i = await db.Shelters.CountAsync(cancellationToken) + 1; i <= options.Shelters; i++)
        {
            db.Shelters.Add(Shelter.Create(Guid.NewGuid(), new ShelterDetails($"Skyddat boende {i:D2}", regions[i % regions.Length],
                new ShelterCapacity(Women: true, Men: i % 3 == 0, AccompanyingChildren: i % 2 == 0, ActiveSubstanceAbuse: false, Places: 8 + i % 12,
                    [.. Enum.GetValues<ExploitationForm>()]),
                [$"boende{i:D2}@example.org"], CertificationStatus.Certified, DateOnly.FromDateTime(now.UtcDateTime).AddYears(2)), now));
        }
        await db.SaveChangesAsync(cancellationToken);
        var shelters = await db.Shelters.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        if (!shelters.Any(s => s.Id == DemoDirectory.ShelterNorth))
            throw new InvalidOperationException("The demo shelters are missing: the app seeds them in Development.");
        return shelters;
    }

    private static GeneratedCounts Write(NspDbContext db, GeneratedCase made, Shelter shelter, GeneratedCounts counts)
    {
        var @case = made.Case;
        var key = @case.Id.ToString();
        var running = made.Tasks.Any(t => t.CompletedAt is null);
        var instance = new WorkflowInstanceRow
        {
            Id = Guid.NewGuid(), ProcessId = "nsp-case", DefinitionVersion = 1, Status = running ? InstanceStatus.Running : InstanceStatus.Completed,
            Sequence = made.Tasks.Count, BusinessKey = key, BusinessKeyKind = CaseTaskSubjects.CaseKind, CreatedAt = made.CreatedAt,
            UpdatedAt = made.Tasks.Max(t => t.CompletedAt ?? t.CreatedAt),
        };
        instance.StateJson = InstanceStateJson.Serialize(new InstanceState(instance.Id, instance.ProcessId, "1", null, instance.Status,
            instance.Sequence, ImmutableSortedDictionary<string, JsonElement>.Empty, [], [], [], [], [], []));
        db.WorkflowInstances.Add(instance);

        var staff = $"Personal på {shelter.Name}";
        var audit = new List<AuditEntry> { Audit(made.CreatedAt, staff, "case.create", @case) };
        var mails = new List<OutboxMail>();
        foreach (var task in made.Tasks)
        {
            var shelterTask = task.Role == "shelter";
            var actor = shelterTask ? staff : "Karin Samordnare";
            db.WorkflowTasks.Add(new WorkflowTaskRow
            {
                Id = Guid.NewGuid(), InstanceId = instance.Id, NodeId = task.NodeId, AssigneeRole = task.Role, OrganisationId = shelter.Id.ToString(),
                BusinessKey = key, BusinessKeyKind = CaseTaskSubjects.CaseKind, FormKey = task.Form,
                MailTemplate = shelterTask ? "task-assigned" : null, CreatedAt = task.CreatedAt, DueAt = task.DueAt,
                Status = task.CompletedAt is null ? WaitStatus.Open : WaitStatus.Completed, CompletedBy = task.CompletedAt is null ? null : actor,
                CompletedAt = task.CompletedAt, Outcome = task.Outcome,
            });
            if (task.CompletedAt is { } completed)
            {
                audit.Add(Audit(completed, actor, "task.complete", @case, task.Form));
            }
            if (shelterTask)
            {
                mails.Add(new OutboxMail
                {
                    Id = Guid.NewGuid(), To = [.. shelter.ContactEmails], Subject = $"Ny uppgift i ärende {@case.Reference}",
                    TextBody = $"En ny uppgift väntar i ärende {@case.Reference}.", Kind = "task", Status = OutboxMailStatus.Sent, Attempts = 1,
                    CreatedAt = task.CreatedAt, NextAttemptAt = task.CreatedAt, SentAt = task.CreatedAt.AddSeconds(30),
                });
            }
        }
        db.AuditEntries.AddRange(audit);
        db.OutboxMails.AddRange(mails);
        return counts with
        {
            Cases = counts.Cases + 1,
            Instances = counts.Instances + 1,
            Tasks = counts.Tasks + made.Tasks.Count,
            OpenTasks = counts.OpenTasks + made.Tasks.Count(t => t.CompletedAt is null),
            AuditEntries = counts.AuditEntries + audit.Count,
            Mails = counts.Mails + mails.Count,
        };
    }

    private static AuditEntry Audit(DateTimeOffset at, string actor, string action, Case @case, string? detail = null) =>
        new() { Id = Guid.NewGuid(), At = at, Actor = actor, Action = action, CaseId = @case.Id, CaseReference = @case.Reference, Detail = detail };
}
