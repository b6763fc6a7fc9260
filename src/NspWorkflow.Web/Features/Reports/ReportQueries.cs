using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NspWorkflow.Data;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Reports;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Features.Cases;
using NspWorkflow.Web.Features.Cases.Pages;
using NspWorkflow.Web.Features.Shelters;
using NspWorkflow.Web.Infrastructure.Localization;

namespace NspWorkflow.Web.Features.Reports;

/// <summary>
/// Builds a report from the rows kept for counting: the cases' report facts, their commitment periods and months, the
/// attested invoice lines, the shelters and the budget. Never a case file. The persons' tables are loaded as a few small
/// columns of the cases supported in the range and counted here; the sums are grouped by the database where it can.
/// </summary>
public sealed class ReportQueries(NspDbContext db, InterventionQueries interventions, BudgetQueries budget, CountryNames countries,
    ReportOptions options, IStringLocalizer<SharedResource> T)
{
    /// <summary>How many years before the annual report's year it is compared with.</summary>
    public const int YearsBefore = 3;

    public Task<Report> AnnualAsync(int year, DateOnly today, CancellationToken cancellationToken) =>
        BuildAsync(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), year, today, cancellationToken);

    public Task<Report> PeriodAsync(DateOnly from, DateOnly to, DateOnly today, CancellationToken cancellationToken) =>
        BuildAsync(from, to, null, today, cancellationToken);

    private async Task<Report> BuildAsync(DateOnly from, DateOnly to, int? year, DateOnly today, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        var persons = await db.CaseReportFacts.AsNoTracking()
            .Where(f => f.LastDay >= from && f.FirstDay <= to)
            .Select(f => new PersonFacts(f.ShelterId, f.AgeBand, f.Gender, f.CountryCode, f.ExploitationForms, f.ChildrenInSweden, f.ChildrenInCountryOfOrigin))
            .ToListAsync(cancellationToken);
        var k = options.SuppressBelow;

        var genders = Enum.GetValues<Gender>();
        var genderAndAge = new int[genders.Length, AgeBand.All.Count];
        foreach (var p in persons)
        {
            var band = AgeBand.All.ToList().IndexOf(p.AgeBand);
            if (band >= 0)
                genderAndAge[Array.IndexOf(genders, p.Gender), band]++;
        }

        var forms = Enum.GetValues<ExploitationForm>();
        var byCountry = persons.GroupBy(p => p.CountryCode)
            .Select(g => (Name: countries.Name(g.Key, culture), Count: g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Name, StringComparer.Create(culture, true)).ToList();

        var shelterDay = to < today ? to : today;
        var shelters = await db.Shelters.AsNoTracking().ToListAsync(cancellationToken);
        var casesByShelter = persons.GroupBy(p => p.ShelterId).ToDictionary(g => g.Key, g => g.Count());
        var regions = Enum.GetValues<Region>().Select(r => new RegionRow(ShelterDisplay.RegionName(r),
            shelters.Count(s => s.Region == r && s.IsCertifiedOn(shelterDay)), shelters.Count(s => s.Region == r))).ToList();

        var years = new List<YearColumn>();
        if (year is { } y)
        {
            for (var before = y - YearsBefore; before <= y; before++)
            {
                var (first, last) = (new DateOnly(before, 1, 1), new DateOnly(before, 12, 31));
                var adults = before == y ? persons.Count
                    : await db.CaseReportFacts.CountAsync(f => f.LastDay >= first && f.FirstDay <= last, cancellationToken);
                years.Add(new YearColumn(before, await interventions.OfAsync(first, last, cancellationToken),
                    new CountTable([T["Reports.Adults"]], [before.ToString(CultureInfo.InvariantCulture)], Column(adults), hasTotals: false, k)));
            }
        }

        return new Report(from, to, year, shelterDay, k,
            years.Count > 0 ? years[^1].Interventions : await interventions.OfAsync(from, to, cancellationToken),
            new CountTable([T["Reports.Adults"], T["Reports.AccompanyingChildren"], T["Reports.ChildrenInCountryOfOrigin"]], [T["Reports.Count"]],
                Column(persons.Count, persons.Sum(p => p.ChildrenInSweden), persons.Sum(p => p.ChildrenInCountryOfOrigin)), hasTotals: false, k),
            new CountTable([.. genders.Select(g => T[CaseDisplay.Gender(g.ToString().ToLowerInvariant())].Value)], [.. AgeBand.All.Select(AgeText)],
                genderAndAge, hasTotals: true, k),
            // A person may have several forms: the rows are not parts of a whole, so there is no total to protect.
            new CountTable([.. forms.Select(f => T[ShelterDisplay.ExploitationFormName(f)].Value)], [T["Reports.Persons"]],
                Column([.. forms.Select(f => persons.Count(p => p.ExploitationForms.Contains(f)))]), hasTotals: false, k),
            new CountTable([.. byCountry.Select(c => c.Name)], [T["Reports.Persons"]], Column([.. byCountry.Select(c => c.Count)]), hasTotals: true, k),
            regions,
            [.. regions.Where(r => r.CertifiedShelters == 0).Select(r => r.Region)],
            [.. shelters.Select(s => new ShelterCasesRow(s.Name, ShelterDisplay.RegionName(s.Region), s.IsCertifiedOn(shelterDay), casesByShelter.GetValueOrDefault(s.Id)))
                .OrderBy(s => s.Region, StringComparer.Ordinal).ThenBy(s => s.Shelter, StringComparer.Create(culture, true))],
            await budget.StatementAsync(year ?? to.Year, today, cancellationToken),
            years);
    }

    private string AgeText(string band) => band == AgeBand.From55 ? T["Reports.AgeFrom55"] : band.Replace("-", "–", StringComparison.Ordinal);

    private static int[,] Column(params int[] counts)
    {
        var column = new int[counts.Length, 1];
        for (var i = 0; i < counts.Length; i++)
            column[i, 0] = counts[i];
        return column;
    }

    private sealed record PersonFacts(Guid ShelterId, string AgeBand, Gender Gender, string CountryCode,
        IReadOnlyList<ExploitationForm> ExploitationForms, int ChildrenInSweden, int ChildrenInCountryOfOrigin);
}
