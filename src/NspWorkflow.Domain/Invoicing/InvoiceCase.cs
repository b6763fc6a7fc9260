using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Periods;

namespace NspWorkflow.Domain.Invoicing;

/// <summary>What the invoice basis and the budget need of a case: its periods as approved and its approved point interventions.</summary>
public sealed record InvoiceCase(
    Guid CaseId,
    string Reference,
    IReadOnlyList<SupportPeriod> Periods,
    IReadOnlyList<ApprovedPointIntervention> PointInterventions)
{
    public static InvoiceCase Of(Case @case) => new(@case.Id, @case.Reference, @case.Periods,
        [.. @case.PointInterventions.Where(p => p.Status == PointInterventionStatus.Approved)
            .Select(p => new ApprovedPointIntervention(p.Id, p.Details.CategoryKey, p.Details.Amount, p.Details.Date, p.Details.ReceiptReference))]);
}

/// <summary>An approved point intervention: its cost on <see cref="Date"/> and the stored receipt, if it has come.</summary>
public sealed record ApprovedPointIntervention(Guid Id, string CategoryKey, decimal Amount, DateOnly Date, string? ReceiptReference);
