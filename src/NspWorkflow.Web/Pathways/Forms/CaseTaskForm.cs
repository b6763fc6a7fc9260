using NspWorkflow.Domain.Cases;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>A form of the case pathways: its tasks are about a case, and its completion changes the case.</summary>
public abstract class CaseTaskForm<TData, TInput> : TaskForm<Case, TData, TInput>
    where TData : class, new()
    where TInput : class, new()
{
    public sealed override string SubjectKind => CaseTaskSubjects.CaseKind;
}

/// <summary>A form of the case pathways whose page binds its data as it is.</summary>
public abstract class CaseTaskForm<TData> : CaseTaskForm<TData, TData>
    where TData : class, new()
{
    protected override TData FromInput(TData input, DateOnly today) => input;
}

/// <summary>The views of the pathways' forms, shared by the forms that ask for the same.</summary>
public static class CaseTaskFormViews
{
    /// <summary>A reason (required to reject): <see cref="ReasonData"/>.</summary>
    public const string Reason = "/Pathways/Forms/_Reason.cshtml";

    /// <summary>The exit report: <see cref="ExitReportData"/>.</summary>
    public const string ExitReport = "/Pathways/Forms/_ExitReport.cshtml";

    /// <summary>The application to complete: <see cref="AdmissionCompletionInput"/>.</summary>
    public const string AdmissionCompletion = "/Pathways/Forms/_AdmissionCompletion.cshtml";

    /// <summary>The notice that the state took over: <see cref="MmmNotedForm"/>.</summary>
    public const string MmmNoted = "/Pathways/Forms/_MmmNoted.cshtml";

    /// <summary>The next step's needs assessment and terms: <see cref="NextStepInput"/>.</summary>
    public const string NextStep = "/Pathways/Forms/_NextStep.cshtml";
}

/// <summary>A decision with a reason field (required to reject): the coordinator's reviews.</summary>
public abstract class ReasonTaskForm : CaseTaskForm<ReasonData>
{
    public override string? View => CaseTaskFormViews.Reason;

    public override string? InputIdOf(string field) => field switch
    {
        "reason" => "Input_Reason",
        "confirmOverrun" => "Input_ConfirmOverrun",
        _ => null,
    };

    public override string? LabelOf(string field) => field switch
    {
        "reason" => "Reason",
        "confirmOverrun" => "Budget.ConfirmOverrun",
        _ => null,
    };

    protected override ReasonData FromInput(ReasonData input, DateOnly today) =>
        new() { Reason = Given(input.Reason), ConfirmOverrun = input.ConfirmOverrun };
}

/// <summary>A decision's reason, which a rejection requires: the API's <c>data.reason</c> and the page's field alike.</summary>
public sealed class ReasonData
{
    public string? Reason { get; set; }

    /// <summary>Approve although it commits more than the budget has left (<see cref="ApprovalBudgetCheck"/>); audited.</summary>
    public bool ConfirmOverrun { get; set; }
}
