using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Features.Tasks;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>A deadline of a shelter with what a notice about it needs: the shelter and its latest certification's id (none: no row).</summary>
public sealed record ShelterDeadline(Shelter Shelter, Guid? CertificationId, CertificationDeadline Deadline);

/// <summary>
/// Every shelter's deadlines: its certification's last day while the register says certified, and its latest certification's
/// pending actions. One read each of shelters and certifications (shelters are few), for the deadline job, the inbox and the
/// digest. A lapsed certification stays a passed deadline until it is renewed or the register says not certified.
/// </summary>
public sealed class CertificationDeadlineQuery(NspDbContext db, Certifications certifications) : IPassedDeadlines
{
    public async Task<IReadOnlyList<ShelterDeadline>> AllAsync(CancellationToken cancellationToken)
    {
        var shelters = await db.Shelters.AsNoTracking().ToListAsync(cancellationToken);
        var latest = await certifications.LatestByShelterAsync(cancellationToken);
        return [.. shelters.SelectMany(shelter =>
        {
            var row = latest.GetValueOrDefault(shelter.Id);
            var certification = row is null ? null : CertificationDocument.Read(row);
            return CertificationDeadlines.Of(shelter, certification).Select(d => new ShelterDeadline(shelter, row?.Id, d));
        })];
    }

    /// <summary>How many deadlines have passed on <paramref name="today"/>: actions overdue and certifications lapsed.</summary>
    public async Task<int> PassedCountAsync(DateOnly today, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).Count(d => CertificationDeadlines.On(d.Deadline.Date, today) is DeadlineState.Passed);
}
