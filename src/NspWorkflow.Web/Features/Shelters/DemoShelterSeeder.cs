using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Database;
using NspWorkflow.Web.Infrastructure.DevelopmentIdentity;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>The two demo shelters the demo shelter users belong to; created once on the embedded default.</summary>
internal sealed class DemoShelterSeeder(NspDbContext db, TimeProvider time) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validUntil = SwedishCalendar.Today(time).AddYears(1);
        var demo = new[]
        {
            Shelter.Create(DemoDirectory.ShelterNorth, new ShelterDetails(
                "Demoboende Nord", Region.Nord,
                new ShelterCapacity(Women: true, Men: false, AccompanyingChildren: true, ActiveSubstanceAbuse: false, Places: 6,
                    [ExploitationForm.Sexual, ExploitationForm.Labour]),
                ["nord@demoboende.example"], CertificationStatus.Certified, validUntil), now),
            Shelter.Create(DemoDirectory.ShelterSouth, new ShelterDetails(
                "Demoboende Syd", Region.Syd,
                new ShelterCapacity(Women: true, Men: true, AccompanyingChildren: false, ActiveSubstanceAbuse: true, Places: 10,
                    [ExploitationForm.Labour, ExploitationForm.Begging, ExploitationForm.Crime]),
                ["syd@demoboende.example"], CertificationStatus.Certified, validUntil), now),
        };
        foreach (var shelter in demo)
        {
            if (!await db.Shelters.AnyAsync(s => s.Id == shelter.Id, cancellationToken))
                db.Shelters.Add(shelter);
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
