using NspWorkflow.Data.Workflows;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Engine.Store;
using NspWorkflow.Web.Cases;
using NspWorkflow.Web.Cases.Api;

namespace NspWorkflow.Web.Pages.Tasks;

/// <summary>What the task page shows of a task and its case: the reference and the kind, never the person's facts.</summary>
public sealed record TaskView(
    Guid Id,
    Guid CaseId,
    string CaseReference,
    string? FormKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    WaitStatus Status,
    string? CompletedBy,
    DateTimeOffset? CompletedAt,
    string? Outcome,
    bool MayComplete,
    bool HasChildren)
{
    public string Kind => TaskLabels.Of(FormKey);

    public bool IsOpen => Status == WaitStatus.Open;

    public IReadOnlyList<string> Outcomes => TaskForms.Outcomes(FormKey);

    /// <summary>Reject needs a reason; the other forms with a reason field use it for their rejection only.</summary>
    public bool HasReason => Outcomes.Contains("reject");

    public bool HasReport => FormKey == "exit-report";

    public bool HasNextStep => FormKey == "next-step";

    public static TaskView From(WorkflowTaskRow task, Case @case, bool mayComplete) => new(
        task.Id, @case.Id, @case.Reference, task.FormKey, task.CreatedAt, task.DueAt, task.Status, task.CompletedBy,
        task.CompletedAt, task.Outcome, mayComplete && task.Status == WaitStatus.Open, @case.Application.Children.Count > 0);
}
