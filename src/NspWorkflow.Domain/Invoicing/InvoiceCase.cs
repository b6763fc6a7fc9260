using NspWorkflow.Domain.Periods;

namespace NspWorkflow.Domain.Invoicing;

/// <summary>What the invoice basis needs of a case: its periods as approved and its approved point interventions.</summary>
public sealed record InvoiceCase(
    Guid CaseId,
    string Reference,
    IReadOnlyList<SupportPeriod> Periods,
    IReadOnlyList<ApprovedPointIntervention> PointInterventions);

/// <summary>An approved point intervention: its cost on <see cref="Date"/> and the stored receipt, if it has come.</summary>
public sealed record ApprovedPointIntervention(Guid Id, string CategoryKey, decimal Amount, DateOnly Date, string? ReceiptReference);
