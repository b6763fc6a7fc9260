using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>
/// What a placement search asks for; every part may be left out. A target group set means the shelter must receive it;
/// one left unset does not narrow the search.
/// </summary>
public sealed record PlacementFilter(
    Region? Region = null,
    bool Women = false,
    bool Men = false,
    bool AccompanyingChildren = false,
    bool ActiveSubstanceAbuse = false,
    ExploitationForm? ExploitationForm = null,
    int? MinFreePlaces = null);

/// <summary>A certified shelter as a placement search shows it: shelter-level figures only, never a case.</summary>
public sealed record PlacementShelter(Guid Id, string Name, Region Region, ShelterCapacity Capacity, int RunningCases, int FreePlaces);

/// <summary>One region's certified shelters and their free places; none means a victim there has no certified shelter nearby.</summary>
public sealed record PlacementRegion(Region Region, int CertifiedShelters, int FreePlaces)
{
    public bool HasCertifiedShelter => CertifiedShelters > 0;
}

/// <summary>
/// The answer: the matching shelters by region (north to south) and most free places first, and every region's certified
/// shelters whatever the filter, so that a region without one stands out.
/// </summary>
public sealed record PlacementResult(DateOnly Today, IReadOnlyList<PlacementShelter> Shelters, IReadOnlyList<PlacementRegion> Regions);

/// <summary>
/// Finds certified shelters with free places for the page and the API alike. A place is taken by each of the shelter's
/// admitted cases (status Active); the cases are counted in one grouped query and no case file is read.
/// </summary>
public sealed class PlacementSearch(NspDbContext db, TimeProvider time)
{
    public async Task<PlacementResult> FindAsync(PlacementFilter filter, CancellationToken cancellationToken)
    {
        var today = SwedishCalendar.Today(time);
        // The register is small (tens of shelters), and the forms of exploitation are one converted column the database
        // cannot search: the shelters are read whole and the certification judged by the domain's own rule.
        var shelters = (await db.Shelters.AsNoTracking().ToListAsync(cancellationToken))
            .Where(s => s.IsCertifiedOn(today))
            .ToList();
        var running = await db.Cases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Active)
            .GroupBy(c => c.ShelterId)
            .Select(g => new { ShelterId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ShelterId, g => g.Count, cancellationToken);

        var all = shelters.Select(s => ToPlacement(s, running.GetValueOrDefault(s.Id))).ToList();
        var matching = all.Where(s => Matches(s, filter))
            .OrderBy(s => s.Region)
            .ThenByDescending(s => s.FreePlaces)
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var regions = Enum.GetValues<Region>().Select(region =>
        {
            var inRegion = all.Where(s => s.Region == region).ToList();
            return new PlacementRegion(region, inRegion.Count, inRegion.Sum(s => s.FreePlaces));
        }).ToList();
        return new PlacementResult(today, matching, regions);
    }

    private static PlacementShelter ToPlacement(Shelter shelter, int runningCases) =>
        // More running cases than places (a shelter that lowered its places) leaves none free, not a negative number.
        new(shelter.Id, shelter.Name, shelter.Region, shelter.Capacity, runningCases, Math.Max(0, shelter.Capacity.Places - runningCases));

    private static bool Matches(PlacementShelter shelter, PlacementFilter filter) =>
        (filter.Region is not { } region || shelter.Region == region)
        && (!filter.Women || shelter.Capacity.Women)
        && (!filter.Men || shelter.Capacity.Men)
        && (!filter.AccompanyingChildren || shelter.Capacity.AccompanyingChildren)
        && (!filter.ActiveSubstanceAbuse || shelter.Capacity.ActiveSubstanceAbuse)
        && (filter.ExploitationForm is not { } form || shelter.Capacity.ExploitationForms.Contains(form))
        && (filter.MinFreePlaces is not { } least || shelter.FreePlaces >= least);
}
