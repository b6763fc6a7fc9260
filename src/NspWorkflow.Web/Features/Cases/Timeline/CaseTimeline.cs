using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Tariffs;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Features.Cases.Pages;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Api;
using NspWorkflow.Web.Infrastructure.Authentication;
using NspWorkflow.Web.Infrastructure.Hosting;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Cases.Timeline;

/// <summary>
/// One line of a case's timeline. <see cref="Day"/> is set when only the day is known (a period, a police report): the
/// entry then sorts at the start of that day in Sweden. <see cref="Who"/> is a person's name or a role, never an address;
/// <see cref="What"/> is localized; <see cref="Text"/> is free text from the case file or a comment, for readers of the case only.
/// </summary>
public sealed record CaseTimelineEntry(DateTimeOffset At, DateOnly? Day, string Kind, string Who, string What, string? Text = null);

/// <summary>
/// A case's history for whoever may read it, oldest first so it reads as the case's story and a new comment lands at the
/// end, just above the form it was written in. One query per source, each on an index of the case: the completed tasks
/// (decisions), the workflow journal (reminders sent), the comments, and the shelter's name; the application, periods,
/// police reports and point interventions come from the case file already loaded. Mail rows name no case, so reminders
/// are read from the journal: a reminder send task that ran (the mail is queued in that same step).
/// </summary>
public sealed class CaseTimeline(
    NspDbContext db,
    CaseWorkspace workspace,
    CaseComments comments,
    TaskFormRegistry forms,
    ICaseTimelineVocabulary vocabulary,
    ProcessDefinitionCache definitions,
    IDefinitionStore definitionStore,
    TariffSchedule tariffs,
    IStringLocalizer<SharedResource> T)
{
    /// <summary>The case's timeline; empty when there is no such case. The caller has checked the user may read the case.</summary>
    public async Task<IReadOnlyList<CaseTimelineEntry>> BuildAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (await workspace.LoadAsync(caseId, cancellationToken) is not { } @case)
            return [];

        var shelter = await CaseReferences.ShelterNameAsync(db, @case.ShelterId, cancellationToken);
        var byShelter = string.IsNullOrWhiteSpace(shelter) ? T["Timeline.Role.shelter"].Value : shelter;
        var entries = new List<CaseTimelineEntry>
        {
            new(@case.CreatedAt, null, "application", byShelter, T["Timeline.Application"]),
        };
        entries.AddRange(await DecisionsAsync(@case, cancellationToken));
        entries.AddRange(@case.Periods.Select(p => OnDay(p.FirstDay, "period", T["Timeline.Automatic"],
            T["Timeline.PeriodX0X1X2", T[CaseDisplay.PeriodKind(RequestEnums.Name(p.Kind))], p.Number, CaseDisplay.Day(p.LastDay)])));
        entries.AddRange((await RemindersAsync(caseId, cancellationToken)).Select(at =>
            new CaseTimelineEntry(at, null, "reminder", T["Timeline.Automatic"], T["Timeline.Reminder"])));
        entries.AddRange(@case.PoliceReports.Select(r => OnDay(r.Date, "police-report", byShelter,
            T[r.MmmGranted ? "Timeline.PoliceReportMmm" : "Timeline.PoliceReportNoMmm"])));
        entries.AddRange(@case.PointInterventions.Select(p => new CaseTimelineEntry(p.SubmittedAt, null, "point-intervention", byShelter,
            T["Timeline.PointInterventionX0X1X2", CategoryName(p.Details.CategoryKey, p.Details.Date), CaseDisplay.Kronor(p.Details.Amount),
                T[CaseDisplay.PointInterventionStatus(RequestEnums.Name(p.Status))]],
            p.RejectionReason)));
        entries.AddRange((await comments.ListAsync(caseId, cancellationToken)).Select(c =>
            new CaseTimelineEntry(c.At, null, "comment", Who(c.Author, c.AuthorRole), T["Timeline.Comment"], c.Text)));

        // Stable: entries at one instant keep the order of the sources above (the application before what followed it).
        return [.. entries.OrderBy(e => e.At)];
    }

    /// <summary>The case's completed tasks, oldest first, with the reason the case file keeps for each.</summary>
    private async Task<IEnumerable<CaseTimelineEntry>> DecisionsAsync(Case @case, CancellationToken cancellationToken)
    {
        var key = @case.Id.ToString();
        var tasks = await db.WorkflowTasks.AsNoTracking()
            .Where(t => t.BusinessKeyKind == CaseTaskSubjects.CaseKind && t.BusinessKey == key && t.Status == WaitStatus.Completed)
            .Select(t => new { t.FormKey, t.Outcome, t.CompletedBy, t.CompletedAt })
            .ToListAsync(cancellationToken);
        var done = tasks.Where(t => t.CompletedAt is not null).OrderBy(t => t.CompletedAt).ToList();
        var reasons = vocabulary.ReasonsOf(@case, [.. done.Select(t => new CompletedDecision(t.FormKey, t.Outcome))]);
        return done.Select((t, i) => new CaseTimelineEntry(t.CompletedAt!.Value, null, "decision",
            Who(t.CompletedBy, null), T["Timeline.DecisionX0X1", T[forms.LabelOf(t.FormKey)], T[Outcome(t.Outcome)]], reasons[i]));
    }

    /// <summary>
    /// When a reminder send task of one of the case's instances ran: the instances by the case's key, their definitions
    /// (cached; parsed once per version), then the journal rows of those send tasks.
    /// </summary>
    private async Task<IReadOnlyList<DateTimeOffset>> RemindersAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var key = caseId.ToString();
        var instances = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.BusinessKeyKind == CaseTaskSubjects.CaseKind && i.BusinessKey == key)
            .Select(i => new { i.Id, i.ProcessId, i.DefinitionVersion })
            .ToListAsync(cancellationToken);
        var nodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (processId, version) in instances.Select(i => (i.ProcessId, i.DefinitionVersion)).Distinct())
        {
            if (await DefinitionAsync(processId, version, cancellationToken) is { } process)
                nodes.UnionWith(process.Nodes.Values.OfType<SendTask>().Where(s => vocabulary.IsReminder(s.Settings.MailTemplate)).Select(s => s.Id));
        }

        if (nodes.Count == 0)
            return [];
        var ids = instances.Select(i => i.Id).ToList();
        var reminderNodes = nodes.ToList();
        return await db.WorkflowJournal.AsNoTracking()
            .Where(j => ids.Contains(j.InstanceId) && j.Kind == JournalKind.Left && reminderNodes.Contains(j.NodeId))
            .Select(j => j.At)
            .ToListAsync(cancellationToken);
    }

    private async Task<ProcessDefinition?> DefinitionAsync(string processId, int version, CancellationToken cancellationToken)
    {
        if (definitions.TryGet(processId, version, out var cached))
            return cached;
        var stored = await definitionStore.GetAsync(processId, version, cancellationToken);
        try
        {
            return stored is null ? null : definitions.Get(stored);
        }
        catch (InvalidOperationException)
        {
            // A version stored by another tool without the process: it has no reminders to show.
            return null;
        }
    }

    private CaseTimelineEntry OnDay(DateOnly day, string kind, string who, string what) =>
        new(SwedishCalendar.At(day, TimeOnly.MinValue), day, kind, who, what);

    /// <summary>A person's name as the audit log keeps it; the role instead when it is missing or an address.</summary>
    private string Who(string? actor, string? role) =>
        string.IsNullOrWhiteSpace(actor) || actor.Contains('@', StringComparison.Ordinal)
            ? T[role == Roles.Shelter ? "Timeline.Role.shelter" : role == Roles.Coordinator ? "Timeline.Role.coordinator" : "Timeline.Role.unknown"]
            : actor;

    /// <summary>The message key of a task's outcome; the outcomes of every form of the pathways are listed.</summary>
    public static string Outcome(string? outcome) => outcome switch
    {
        "approve" => "Timeline.Outcome.Approve",
        "reject" => "Timeline.Outcome.Reject",
        "complete" => "Timeline.Outcome.Complete",
        "submit" => "Timeline.Outcome.Submit",
        "extended" => "Timeline.Outcome.Extended",
        "integration" => "Timeline.Outcome.Integration",
        "return" => "Timeline.Outcome.Return",
        "end" => "Timeline.Outcome.End",
        _ => "Timeline.Outcome.Other",
    };

    private string CategoryName(string key, DateOnly day) =>
        tariffs.TryInForceOn(day, out var tariff) && tariff.PointInterventions.Categories.FirstOrDefault(c => c.Key == key) is { } category
            ? category.Name
            : key;

    /// <summary>The instant as a Swedish clock reads it, for the page.</summary>
    public static string Local(DateTimeOffset at) =>
        SwedishCalendar.ToSwedish(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The instant for a <c>time</c> element's <c>datetime</c>: Swedish time with its offset.</summary>
    public static string Machine(DateTimeOffset at) =>
        SwedishCalendar.ToSwedish(at).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
