using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Data.Reports;

/// <summary>
/// What the reports count of one case, outside its encrypted case file: the shelter, the first and last day supported, the
/// person's age band (never the birth year), gender, country of origin, forms of exploitation and the number of children
/// with them and in the country of origin. Written with the case in the same step (<see cref="CaseReportFacts"/>), so a
/// report reads these rows and never decrypts a case file. Nothing here names or identifies the person.
/// </summary>
/// <remarks>
/// Erasure (gallring) must keep these rows and <see cref="CaseReportPointInterventionRow"/> when it wipes a case file after
/// the retention period: they are what the annual reports of the years before count (with the commitment rows and the
/// invoice lines), and they hold no personal data.
/// </remarks>
public sealed class CaseReportFactsRow
{
    public Guid CaseId { get; set; }
    public Guid ShelterId { get; set; }

    /// <summary>The first day of the case's first approved period; null while it has none (applied, or rejected).</summary>
    public DateOnly? FirstDay { get; set; }

    /// <summary>The last approved day: its last period's, or a later approved point intervention's (after MMM).</summary>
    public DateOnly? LastDay { get; set; }

    /// <summary>The age band in the placement year (<see cref="AgeBand"/>).</summary>
    public string AgeBand { get; set; } = "";

    public Gender Gender { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string CountryCode { get; set; } = "";

    public IReadOnlyList<ExploitationForm> ExploitationForms { get; set; } = [];

    /// <summary>Accompanying children: in Sweden with the person at some time of the case.</summary>
    public int ChildrenInSweden { get; set; }

    /// <summary>Children in the country of origin.</summary>
    public int ChildrenInCountryOfOrigin { get; set; }

    /// <summary>Copies what the reports count of <paramref name="case"/> into this row.</summary>
    public CaseReportFactsRow CopyFrom(Case @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var application = @case.Application;
        var approved = InvoiceCase.Of(@case);
        CaseId = @case.Id;
        ShelterId = @case.ShelterId;
        FirstDay = approved.Periods.Count == 0 ? null : approved.Periods.Min(p => p.FirstDay);
        LastDay = approved.Periods.Count == 0 ? null
            : approved.Periods.Select(p => p.LastDay).Concat(approved.PointInterventions.Select(p => p.Date)).Max();
        AgeBand = Domain.Reports.AgeBand.Of(application.BirthYear, application.PlacementDate.Year);
        Gender = application.Gender;
        CountryCode = application.CountryOfOrigin;
        ExploitationForms = [.. application.Exploitation.Order()];
        ChildrenInSweden = application.Children.Count(c => c.InSweden);
        ChildrenInCountryOfOrigin = application.Children.Count(c => !c.InSweden);
        return this;
    }
}

/// <summary>
/// An approved point intervention as the reports count it: its case, day and amount (not its category's free text or its
/// receipt). Kept with the case like <see cref="CaseReportFactsRow"/>; erasure must keep it too.
/// </summary>
public sealed class CaseReportPointInterventionRow
{
    /// <summary>The point intervention's own id.</summary>
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }
}
