using NspWorkflow.Domain.Budget;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Reports;

namespace NspWorkflow.Web.Features.Reports;

/// <summary>The rows of the interventions table, in the annual report's order; each names its text key.</summary>
public enum InterventionKind
{
    Reflection,
    ExtendedFullRate,
    ExtendedReducedRate,
    Integration,
    PointInterventions,
}

/// <summary>How many interventions of a kind had days (or, for point interventions, their day) in the range, and their sum in SEK.</summary>
public sealed record InterventionRow(InterventionKind Kind, int Count, decimal Sum);

/// <summary>
/// The interventions of a range: a row a kind and the total; which months' sums are the attested invoice lines (every basis
/// of the month attested) and which the approved days at the tariff in force; and whether a month at the range's edge was
/// counted in part (its approved days in the range at each period's daily amount of the month).
/// </summary>
public sealed record InterventionTable(IReadOnlyList<InterventionRow> Rows, IReadOnlyList<InvoiceMonth> AttestedMonths,
    IReadOnlyList<InvoiceMonth> ApprovedMonths, bool PartialMonths)
{
    public InterventionRow Total => new(default, Rows.Sum(r => r.Count), Rows.Sum(r => r.Sum));
}

/// <summary>One region: its certified shelters on the day, and the cases of its shelters in the range.</summary>
public sealed record RegionRow(string Region, int CertifiedShelters, int Shelters);

/// <summary>A shelter with the cases it had supported in the range.</summary>
public sealed record ShelterCasesRow(string Shelter, string Region, bool Certified, int Cases);

/// <summary>A year of the comparison: its interventions in all and the adults supported (shown as the persons' rule says).</summary>
public sealed record YearColumn(int Year, InterventionTable Interventions, CountTable Persons);

/// <summary>
/// A report over <see cref="From"/>–<see cref="To"/>: the annual report when <see cref="Year"/> is set. Counts and sums only;
/// every table about persons is a <see cref="CountTable"/> with its small counts suppressed.
/// </summary>
public sealed record Report(
    DateOnly From,
    DateOnly To,
    int? Year,
    DateOnly ShelterDay,
    int SuppressBelow,
    InterventionTable Interventions,
    CountTable Persons,
    CountTable GenderAndAge,
    CountTable Exploitation,
    CountTable Countries,
    IReadOnlyList<RegionRow> Regions,
    IReadOnlyList<string> RegionsWithout,
    IReadOnlyList<ShelterCasesRow> Shelters,
    BudgetStatement Budget,
    IReadOnlyList<YearColumn> Years);

/// <summary>A table of counts about persons as a page shows it: its caption's id and text and its first column's header.</summary>
public sealed record CountTableView(string Id, string Caption, string First, CountTable Table);
