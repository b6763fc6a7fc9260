using NspWorkflow.Domain.Periods;

namespace NspWorkflow.Domain.Invoicing;

public enum InvoiceLineKind
{
    /// <summary>Days of a period at one daily amount.</summary>
    Period,

    /// <summary>An approved point intervention, with its receipt.</summary>
    PointIntervention,
}

/// <summary>
/// One line of a shelter's invoice basis: days of one period of a case at one daily amount, or one point intervention. A line
/// <see cref="Covers"/> a month: the basis's own month, or (<see cref="IsCorrection"/>) an earlier month already invoiced
/// whose amount has changed since: days approved late add, days taken away by a shortened period subtract
/// (<see cref="Days"/> and the amounts are then negative). The case appears by its reference only.
/// </summary>
public sealed record InvoiceLine(
    Guid CaseId,
    string CaseReference,
    InvoiceMonth Covers,
    bool IsCorrection,
    InvoiceLineKind Kind,
    PeriodKind? PeriodKind,
    int PeriodNumber,
    DateOnly FirstDay,
    DateOnly LastDay,
    int Days,
    PeriodAmount Daily,
    PeriodAmount Amount,
    Guid? PointInterventionId = null,
    string? CategoryKey = null,
    decimal PointInterventionAmount = 0m,
    string? ReceiptReference = null)
{
    /// <summary>Extended periods after the first are paid at the reduced adult rate.</summary>
    public bool ReducedRate => PeriodKind == Periods.PeriodKind.Extended && PeriodNumber >= 2;

    public decimal Total => Amount.Total + PointInterventionAmount;

    /// <summary>
    /// What makes the line one of a kind within its basis and case: the month it covers, correction or not, and the period
    /// and first day (or the point intervention). The store's unique key: building a basis twice cannot duplicate a line.
    /// </summary>
    public string Key => Kind == InvoiceLineKind.PointIntervention
        ? $"{Covers}/{(IsCorrection ? "c" : "o")}/pi/{PointInterventionId:N}"
        : $"{Covers}/{(IsCorrection ? "c" : "o")}/{PeriodKind}-{PeriodNumber}/{FirstDay:yyyy-MM-dd}";
}
