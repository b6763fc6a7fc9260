using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Tasks;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Tasks.Assignments;

/// <summary>A coordinator as the hand-over and stand-in choices name one.</summary>
public sealed record Coordinator(string Subject, string Name);

/// <summary>
/// The coordinators the app knows: each is recorded at sign-in (the identity provider offers no list of its users), so
/// a colleague can be chosen once they have signed in, or from the start when the deployment seeds them.
/// </summary>
public sealed class CoordinatorDirectory(NspDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<Coordinator>> ListAsync(CancellationToken cancellationToken) =>
        await db.Coordinators.AsNoTracking().OrderBy(c => c.Name).Select(c => new Coordinator(c.Subject, c.Name)).ToListAsync(cancellationToken);

    public async Task<Coordinator?> FindAsync(string? subject, CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(subject) ? null
            : await db.Coordinators.AsNoTracking().Where(c => c.Subject == subject).Select(c => new Coordinator(c.Subject, c.Name))
                .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Records a coordinator who signed in (name as the provider gives it now); anyone else is not recorded.</summary>
    public async Task RecordSignInAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(Roles.Coordinator) || user.FindFirstValue(NspClaimTypes.Subject) is not { Length: > 0 and <= CoordinatorRow.MaxSubjectLength } subject)
            return;
        await RecordAsync(subject, user.Actor(), cancellationToken);
    }

    public async Task RecordAsync(string subject, string name, CancellationToken cancellationToken)
    {
        name = name.Length > CoordinatorRow.MaxNameLength ? name[..CoordinatorRow.MaxNameLength] : name;
        var row = await db.Coordinators.SingleOrDefaultAsync(c => c.Subject == subject, cancellationToken);
        if (row is null)
            db.Coordinators.Add(row = new CoordinatorRow { Subject = subject });
        row.Name = name;
        row.LastSignedInAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person signed in twice at once: the other sign-in recorded them.
            db.ChangeTracker.Clear();
        }
    }
}
