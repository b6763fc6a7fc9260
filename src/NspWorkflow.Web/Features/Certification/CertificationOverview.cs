using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>A shelter's line on the certification overview: its register entry, its latest certification and its next deadline.</summary>
public sealed record CertificationLine(Shelter Shelter, Guid? CertificationId, CertificationStage? Stage, int? Year, CertificationDeadline? NextDeadline,
    DeadlineState? DeadlineState);

/// <summary>
/// The certification overview: every shelter (a shelter's users their own) with where its certification stands and the
/// deadline that comes next, the passed ones first. Shelters are few, so the lines are built here from one read each of
/// shelters and certifications.
/// </summary>
public sealed class CertificationOverview(NspDbContext db, Certifications certifications)
{
    public async Task<IReadOnlyList<CertificationLine>> LinesAsync(ClaimsPrincipal user, DateOnly today, CancellationToken cancellationToken)
    {
        var own = user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Admin) ? null : user.ShelterId();
        var shelters = await db.Shelters.AsNoTracking().Where(s => own == null || s.Id == own).ToListAsync(cancellationToken);
        var latest = await certifications.LatestByShelterAsync(cancellationToken);
        return [.. shelters.Select(shelter =>
            {
                var row = latest.GetValueOrDefault(shelter.Id);
                var certification = row is null ? null : CertificationDocument.Read(row);
                var next = CertificationDeadlines.Of(shelter, certification)
                    .OrderBy(d => d.Date).FirstOrDefault();
                return new CertificationLine(shelter, row?.Id, certification?.Stage, row?.RequirementsYear, next,
                    next is null ? null : CertificationDeadlines.On(next.Date, today));
            })
            .OrderBy(l => l.NextDeadline?.Date ?? DateOnly.MaxValue).ThenBy(l => l.Shelter.Name, StringComparer.CurrentCulture)];
    }
}
