using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>A shelter as integrations see it: no contact addresses, which only the program needs.</summary>
public sealed record ShelterSummary(
    Guid Id, string Name, Region Region, CertificationStatus CertificationStatus, DateOnly? CertifiedUntil, int Places);

public static class ShelterEndpoints
{
    public static RouteGroupBuilder MapShelterEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/shelters", async (NspDbContext db, CancellationToken cancellationToken) =>
            await db.Shelters.AsNoTracking()
                .OrderBy(s => s.Name)
                .Select(s => new ShelterSummary(s.Id, s.Name, s.Region, s.CertificationStatus, s.CertifiedUntil, s.Capacity.Places))
                .ToListAsync(cancellationToken))
            .WithName("ListShelters");
        return api;
    }
}
