using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Engine.Definitions;
using NspWorkflow.Engine.Model;
using NspWorkflow.Engine.Runtime;
using NspWorkflow.Engine.Store;

namespace NspWorkflow.Web.Features.Workflows;

/// <summary>One instance serving a subject: the process and the exact version it runs on, and where it stands.</summary>
public sealed record InstanceSummary(Guid Id, string ProcessId, string ProcessName, int Version, InstanceStatus Status,
    DateTimeOffset StartedAt, Guid? ParentId)
{
    public bool IsActive => Status is InstanceStatus.Running or InstanceStatus.Incident;
}

/// <summary>What a token waits for at its element.</summary>
public enum StepWait
{
    Task,
    CalledProcess,
    Message,
    Timer,
    Join,
    Incident,
    Other,
}

/// <summary>
/// An element where a token of an active instance stands. <see cref="Role"/> and <see cref="DueAt"/> are the open task's;
/// <see cref="ChildInstanceId"/> the called instance it waits for; <see cref="MessageName"/> the message's name in the definition.
/// </summary>
public sealed record CurrentStep(Guid InstanceId, string ProcessName, string NodeId, string NodeName, StepWait Wait,
    string? Role = null, DateTimeOffset? DueAt = null, Guid? ChildInstanceId = null, string? MessageName = null);

public sealed record WaitingTimer(Guid InstanceId, string ProcessName, string NodeId, string NodeName, DateTimeOffset DueAt);

/// <summary>An open incident; <see cref="Message"/> is the engine's, which names elements and never variable values.</summary>
public sealed record InstanceIncident(Guid InstanceId, string ProcessName, string ElementId, string ElementName, string Message, DateTimeOffset At);

/// <summary>
/// One line of an instance's journal. The journal's free <c>Detail</c> is not carried: it holds flow ids, engine messages
/// and outcomes, of which only a completed task's outcome (<see cref="Outcome"/>, a form's code) is shown.
/// </summary>
public sealed record JournalLine(DateTimeOffset At, string NodeId, string NodeName, JournalKind Kind, string? Outcome, string? Actor);

/// <summary>An element the selected instance passed, and how often (its "left" journal entries).</summary>
public sealed record PassedStep(string NodeId, string NodeName, int Times);

/// <summary>What the diagram script needs: the file of the version, and the element ids to mark.</summary>
public sealed record InstanceDiagram(string ProcessId, string Xml, IReadOnlyList<string> Current, IReadOnlyList<string> Timers,
    IReadOnlyList<string> Incidents, IReadOnlyDictionary<string, int> Passed);

public sealed record SelectedInstance(InstanceSummary Instance, InstanceDiagram? Diagram, IReadOnlyList<PassedStep> Passed,
    IReadOnlyList<JournalLine> Journal, bool JournalTruncated);

/// <summary>
/// A subject's instances; the current steps, waiting timers and incidents of all that are active (a case runs several
/// at once: the case, its called periods, point interventions); and one instance in detail.
/// </summary>
public sealed record InstanceOverview(IReadOnlyList<InstanceSummary> Instances, IReadOnlyList<CurrentStep> Steps,
    IReadOnlyList<WaitingTimer> Timers, IReadOnlyList<InstanceIncident> Incidents, SelectedInstance? Selected);

/// <summary>
/// Reads the instances that serve one subject (by business key) for the instance view. Read-only: states come from the
/// instances' stored snapshots, history from the journal, element names from the definition version each instance runs
/// on (parsed once per version through the engine's cache). The caller has checked the user may see the subject.
/// </summary>
public sealed class InstanceView(NspDbContext db, ProcessDefinitionCache definitions, IDefinitionStore store)
{
    /// <summary>At most this many journal lines are shown, the newest; the counts of passed steps use the whole journal.</summary>
    public const int JournalLimit = 500;

    /// <summary>
    /// The overview of the subject's instances; <paramref name="selected"/> is shown in detail, or when null the instance a
    /// person most likely looks for (the newest active one with an open task, else the newest active, else the first).
    /// Null when <paramref name="selected"/> is given and does not serve the subject.
    /// </summary>
    public async Task<InstanceOverview?> ReadAsync(string kind, string key, Guid? selected, CancellationToken cancellationToken)
    {
        var rows = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.BusinessKeyKind == kind && i.BusinessKey == key)
            .Select(i => new
            {
                i.Id, i.ProcessId, i.DefinitionVersion, i.Status, i.CreatedAt, i.ParentInstanceId,
                // Only an active instance's snapshot says anything current; an ended one's may be large and is not read.
                StateJson = i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Incident ? i.StateJson : null,
            })
            .ToListAsync(cancellationToken);
        if (selected is { } wanted && rows.All(r => r.Id != wanted))
            return null;

        var versions = new Dictionary<(string, int), Loaded>();
        foreach (var pair in rows.Select(r => (r.ProcessId, r.DefinitionVersion)).Distinct())
            versions[pair] = await LoadAsync(pair.ProcessId, pair.DefinitionVersion, cancellationToken);

        var parents = rows.ToDictionary(r => r.Id, r => r.ParentInstanceId);
        var instances = rows
            .Select(r => new InstanceSummary(r.Id, r.ProcessId, versions[(r.ProcessId, r.DefinitionVersion)].Name, r.DefinitionVersion, r.Status,
                r.CreatedAt, r.ParentInstanceId))
            // A call starts its child in the caller's step, at the same instant: the caller is listed first.
            .OrderBy(i => i.StartedAt).ThenBy(i => Depth(i.Id, parents)).ThenBy(i => i.Id)
            .ToList();
        var states = rows.Where(r => r.StateJson is not null)
            .ToDictionary(r => r.Id, r => (State: InstanceStateJson.Deserialize(r.StateJson!), Loaded: versions[(r.ProcessId, r.DefinitionVersion)]));

        var steps = new List<CurrentStep>();
        var timers = new List<WaitingTimer>();
        var incidents = new List<InstanceIncident>();
        foreach (var instance in instances.Where(i => states.ContainsKey(i.Id)))
        {
            var (state, loaded) = states[instance.Id];
            steps.AddRange(state.Tokens.Select(t => Step(instance, state, loaded, t)));
            timers.AddRange(state.Timers.Select(t => new WaitingTimer(instance.Id, instance.ProcessName, t.NodeId, loaded.NameOf(t.NodeId), t.DueAt)));
            incidents.AddRange(state.Incidents.Select(i =>
                new InstanceIncident(instance.Id, instance.ProcessName, i.ElementId, loaded.NameOf(i.ElementId), i.Message, i.At)));
        }

        var shown = selected is { } id ? instances.First(i => i.Id == id) : Likeliest(instances, states.Values.Select(s => s.State));
        SelectedInstance? detail = null;
        if (shown is not null)
        {
            var shownState = states.TryGetValue(shown.Id, out var active) ? active.State : null;
            detail = await SelectAsync(shown, versions[(shown.ProcessId, shown.Version)], shownState, cancellationToken);
        }

        return new InstanceOverview(instances, steps, [.. timers.OrderBy(t => t.DueAt)], [.. incidents.OrderByDescending(i => i.At)], detail);
    }

    /// <summary>Whether the instance serves the subject: a retry from the subject's view must not reach another subject's instance.</summary>
    public Task<bool> ServesAsync(string kind, string key, Guid instanceId, CancellationToken cancellationToken) =>
        db.WorkflowInstances.AsNoTracking().AnyAsync(i => i.Id == instanceId && i.BusinessKeyKind == kind && i.BusinessKey == key, cancellationToken);

    /// <summary>The subject (business key kind and key) each of the instances serves, for links from lists of instances.</summary>
    public async Task<IReadOnlyDictionary<Guid, (string? Kind, string? Key)>> SubjectsOfAsync(IReadOnlyCollection<Guid> instanceIds,
        CancellationToken cancellationToken)
    {
        var ids = instanceIds.Distinct().ToList();
        var rows = await db.WorkflowInstances.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.BusinessKeyKind, i.BusinessKey })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.BusinessKeyKind, r.BusinessKey));
    }

    private static int Depth(Guid id, Dictionary<Guid, Guid?> parents)
    {
        var depth = 0;
        // Bounded by the number of instances, so a malformed chain cannot loop.
        while (parents.GetValueOrDefault(id) is { } parent && parents.ContainsKey(parent) && depth < parents.Count)
        {
            id = parent;
            depth++;
        }

        return depth;
    }

    private static InstanceSummary? Likeliest(List<InstanceSummary> instances, IEnumerable<InstanceState> active)
    {
        var withTask = active.Where(s => !s.Tasks.IsEmpty).Select(s => s.InstanceId).ToHashSet();
        return instances.LastOrDefault(i => withTask.Contains(i.Id)) ?? instances.LastOrDefault(i => i.IsActive) ?? instances.FirstOrDefault();
    }

    /// <summary>What the token at its element waits for; the first that applies (a task waits also for its boundary events).</summary>
    private static CurrentStep Step(InstanceSummary instance, InstanceState state, Loaded loaded, Token token)
    {
        var step = new CurrentStep(instance.Id, instance.ProcessName, token.NodeId, loaded.NameOf(token.NodeId), StepWait.Other);
        if (token.State == TokenState.Incident)
            return step with { Wait = StepWait.Incident };
        if (token.State == TokenState.AtJoin)
            return step with { Wait = StepWait.Join };
        if (state.Tasks.FirstOrDefault(t => t.TokenId == token.Id) is { } task)
            return step with { Wait = StepWait.Task, Role = task.AssigneeRole, DueAt = task.DueAt };
        if (state.Children.FirstOrDefault(c => c.TokenId == token.Id) is { } child)
            return step with { Wait = StepWait.CalledProcess, ChildInstanceId = child.ChildInstanceId };
        if (state.Timers.FirstOrDefault(t => t.TokenId == token.Id && t.NodeId == token.NodeId) is { } timer)
            return step with { Wait = StepWait.Timer, DueAt = timer.DueAt };
        if (state.Messages.FirstOrDefault(m => m.TokenId == token.Id && m.NodeId == token.NodeId) is { } message)
            return step with { Wait = StepWait.Message, MessageName = message.MessageName };
        return step;
    }

    private async Task<SelectedInstance> SelectAsync(InstanceSummary instance, Loaded loaded, InstanceState? state, CancellationToken cancellationToken)
    {
        var newest = await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == instance.Id)
            .OrderByDescending(j => j.Id)
            .Take(JournalLimit + 1)
            .Select(j => new { j.At, j.NodeId, j.Kind, j.Detail, j.Actor })
            .ToListAsync(cancellationToken);
        var journal = newest.Take(JournalLimit).Reverse()
            .Select(j => new JournalLine(j.At, j.NodeId, loaded.NameOf(j.NodeId), j.Kind, j.Kind == JournalKind.TaskCompleted ? j.Detail : null, j.Actor))
            .ToList();

        var counts = await db.WorkflowJournal.AsNoTracking()
            .Where(j => j.InstanceId == instance.Id && j.Kind == JournalKind.Left)
            .GroupBy(j => j.NodeId)
            .Select(g => new { NodeId = g.Key, Times = g.Count() })
            .ToListAsync(cancellationToken);
        var passed = counts.Select(c => new PassedStep(c.NodeId, loaded.NameOf(c.NodeId), c.Times))
            .OrderBy(p => loaded.OrderOf(p.NodeId)).ThenBy(p => p.NodeId, StringComparer.Ordinal)
            .ToList();

        var diagram = loaded.Xml is null ? null : new InstanceDiagram(instance.ProcessId, loaded.Xml,
            [.. (state?.Tokens ?? []).Where(t => t.State != TokenState.Incident).Select(t => t.NodeId).Distinct()],
            [.. (state?.Timers ?? []).Select(t => t.NodeId).Distinct()],
            [.. (state?.Incidents ?? []).Select(i => i.ElementId).Distinct()],
            passed.ToDictionary(p => p.NodeId, p => p.Times));
        return new SelectedInstance(instance, diagram, passed, journal, newest.Count > JournalLimit);
    }

    /// <summary>The stored version (its name and file) and its parsed process; either may be missing (another tool's row).</summary>
    private async Task<Loaded> LoadAsync(string processId, int version, CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(processId, version, cancellationToken);
        ProcessDefinition? process = null;
        if (definitions.TryGet(processId, version, out var cached))
            process = cached;
        else if (stored is not null)
        {
            try
            {
                process = definitions.Get(stored);
            }
            catch (InvalidOperationException)
            {
                // A file without the process: the view shows ids instead of names, and no diagram.
            }
        }

        var name = stored?.Name is { Length: > 0 } storedName ? storedName : process?.Name is { Length: > 0 } own ? own : processId;
        return new Loaded(name, process is null ? null : stored?.Xml, process);
    }

    private sealed record Loaded(string Name, string? Xml, ProcessDefinition? Process)
    {
        /// <summary>The element's name in the definition, else its id (an element without a name, or one no longer in it).</summary>
        public string NameOf(string nodeId) =>
            Process?.Nodes.GetValueOrDefault(nodeId)?.Name is { } name && !string.IsNullOrWhiteSpace(name)
                // A drawn name may break over lines; a table cell reads it as one.
                ? string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                : nodeId;

        /// <summary>The element's place in the file, so passed steps read in the order the process is drawn and written.</summary>
        public int OrderOf(string nodeId) => Process?.NodeOrder.IndexOf(nodeId) is { } i and >= 0 ? i : int.MaxValue;
    }
}
