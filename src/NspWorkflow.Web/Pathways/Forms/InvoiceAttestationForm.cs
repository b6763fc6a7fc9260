using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain;
using NspWorkflow.Web.Features.Invoicing;
using NspWorkflow.Web.Features.Tasks.Forms;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// <c>invoice-attestation</c>: the coordinator attests the shelter's submitted invoice (the basis is then locked and listed
/// for payment) or sends it back with a comment the shelter reads on the basis page; made with the step.
/// </summary>
public sealed class InvoiceAttestationForm(TimeProvider time) : TaskForm<InvoiceBasisRow, ReasonData>
{
    public const string Attest = "attest";
    public const string SendBack = "send-back";

    public override string Key => "invoice-attestation";

    public override string SubjectKind => InvoicingNames.SubjectKind;

    public override string Label => "AttestTheInvoice";

    public override string Decides => "Mail.Decision.Invoice";

    public override IReadOnlyList<string> Outcomes { get; } = [Attest, SendBack];

    public override string? View => "/Pathways/Forms/_InvoiceComment.cshtml";

    public override string? InputIdOf(string field) => field == "reason" ? "Input_Reason" : null;

    public override string? LabelOf(string field) => field == "reason" ? "Invoice.Comment" : null;

    protected override ReasonData FromInput(ReasonData input, DateOnly today) => new() { Reason = Given(input.Reason) };

    protected override ValueTask<Action<InvoiceBasisRow>?> PrepareAsync(TaskFormContext context, ReasonData data, List<RuleViolation> violations,
        CancellationToken cancellationToken)
    {
        var comment = data.Reason?.Trim();
        if (context.Outcome == SendBack && string.IsNullOrEmpty(comment))
            violations.Add(new("reason", RuleViolationCode.Required));
        else if (comment is { Length: > InvoiceBasisRow.MaxCommentLength })
            violations.Add(new("reason", RuleViolationCode.TooLong, InvoiceBasisRow.MaxCommentLength));
        if (violations.Count > 0)
            return ValueTask.FromResult<Action<InvoiceBasisRow>?>(null);

        var attested = context.Outcome == Attest;
        var actor = context.Actor is null ? null : AuditEntry.FitActor(context.Actor);
        return ValueTask.FromResult<Action<InvoiceBasisRow>?>(basis =>
        {
            // Only a submitted invoice is decided: one attested or sent back meanwhile refuses the second decision.
            if (basis.Status != InvoiceBasisStatus.Submitted)
                throw new RuleViolationException([new("status", RuleViolationCode.WrongStatus)]);
            basis.Status = attested ? InvoiceBasisStatus.Attested : InvoiceBasisStatus.SentBack;
            basis.DecidedAt = time.GetUtcNow();
            basis.DecidedBy = actor;
            basis.SentBackComment = attested ? null : comment;
        });
    }
}
