using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Shelters.Pages;

/// <summary>One line of the shelter list, with what its certification means today.</summary>
public sealed record ShelterRow(
    Guid Id, string Name, Region Region, int Places, IReadOnlyList<string> TargetGroups,
    DateOnly? CertifiedUntil, string ValidityLabel, string ValidityCss);

/// <summary>/shelters: the shelter register, and the regions that have no certified shelter today.</summary>
[Authorize(ShelterPolicies.Manage)]
public sealed class IndexModel(NspDbContext db, TimeProvider time) : PageModel
{
    public const string SavedKey = "ShelterSaved";

    public IReadOnlyList<ShelterRow> Shelters { get; private set; } = [];

    /// <summary>The annual report names these: a victim there has no certified shelter nearby.</summary>
    public IReadOnlyList<Region> RegionsWithoutCertifiedShelter { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Saved = TempData[SavedKey] is true;
        Today = SwedishCalendar.Today(time);
        var shelters = await db.Shelters.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

        Shelters = shelters.Select(s =>
        {
            var (label, css) = ShelterDisplay.Validity(s, Today);
            // The date only means something for a certification in force: "Avstängd till och med" would read as the end of a suspension.
            var until = s.CertificationStatus == CertificationStatus.Certified ? s.CertifiedUntil : null;
            return new ShelterRow(s.Id, s.Name, s.Region, s.Capacity.Places, ShelterDisplay.TargetGroups(s.Capacity), until, label, css);
        }).ToList();

        var covered = shelters.Where(s => s.IsCertifiedOn(Today)).Select(s => s.Region).ToHashSet();
        RegionsWithoutCertifiedShelter = Enum.GetValues<Region>().Where(r => !covered.Contains(r)).ToList();
    }
}
