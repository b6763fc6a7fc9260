using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Periods;

namespace NspWorkflow.Data.Invoicing;

/// <summary>
/// A line of an invoice basis as stored (<see cref="InvoiceLine"/>): the daily amount and the sum by component, and the
/// line's <see cref="Key"/>, unique within its basis and case.
/// </summary>
public sealed class InvoiceLineRow
{
    public const int MaxKeyLength = 100;

    public Guid Id { get; set; }
    public Guid BasisId { get; set; }
    public Guid CaseId { get; set; }
    public string CaseReference { get; set; } = "";
    public int CoversMonth { get; set; }
    public bool IsCorrection { get; set; }
    public InvoiceLineKind Kind { get; set; }
    public PeriodKind? PeriodKind { get; set; }
    public int PeriodNumber { get; set; }
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    public int Days { get; set; }
    public decimal DailyHousingAndFood { get; set; }
    public decimal DailyProtectionAndSupport { get; set; }
    public decimal DailyIntegration { get; set; }
    public decimal DailyChildSupplement { get; set; }
    public decimal DailyMotivatedSupplement { get; set; }
    public decimal HousingAndFood { get; set; }
    public decimal ProtectionAndSupport { get; set; }
    public decimal Integration { get; set; }
    public decimal ChildSupplement { get; set; }
    public decimal MotivatedSupplement { get; set; }
    public Guid? PointInterventionId { get; set; }
    public string? CategoryKey { get; set; }
    public decimal PointInterventionAmount { get; set; }
    public string? ReceiptReference { get; set; }
    public decimal Total { get; set; }
    public string Key { get; set; } = "";

    public static InvoiceLineRow From(Guid basisId, InvoiceLine line) => new()
    {
        Id = Guid.NewGuid(),
        BasisId = basisId,
        CaseId = line.CaseId,
        CaseReference = line.CaseReference,
        CoversMonth = line.Covers.Number,
        IsCorrection = line.IsCorrection,
        Kind = line.Kind,
        PeriodKind = line.PeriodKind,
        PeriodNumber = line.PeriodNumber,
        FirstDay = line.FirstDay,
        LastDay = line.LastDay,
        Days = line.Days,
        DailyHousingAndFood = line.Daily.AdultHousingAndFood,
        DailyProtectionAndSupport = line.Daily.AdultProtectionAndSupport,
        DailyIntegration = line.Daily.IntegrationSupport,
        DailyChildSupplement = line.Daily.ChildSupplement,
        DailyMotivatedSupplement = line.Daily.MotivatedSupplement,
        HousingAndFood = line.Amount.AdultHousingAndFood,
        ProtectionAndSupport = line.Amount.AdultProtectionAndSupport,
        Integration = line.Amount.IntegrationSupport,
        ChildSupplement = line.Amount.ChildSupplement,
        MotivatedSupplement = line.Amount.MotivatedSupplement,
        PointInterventionId = line.PointInterventionId,
        CategoryKey = line.CategoryKey,
        PointInterventionAmount = line.PointInterventionAmount,
        ReceiptReference = line.ReceiptReference,
        Total = line.Total,
        Key = line.Key,
    };

    public InvoiceLine ToLine() => new(
        CaseId, CaseReference, InvoiceMonth.FromNumber(CoversMonth), IsCorrection, Kind, PeriodKind, PeriodNumber, FirstDay, LastDay, Days,
        new PeriodAmount(DailyHousingAndFood, DailyProtectionAndSupport, DailyIntegration, DailyChildSupplement, DailyMotivatedSupplement),
        new PeriodAmount(HousingAndFood, ProtectionAndSupport, Integration, ChildSupplement, MotivatedSupplement),
        PointInterventionId, CategoryKey, PointInterventionAmount, ReceiptReference);
}
