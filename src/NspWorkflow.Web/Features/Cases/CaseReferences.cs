using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Cases;

/// <summary>
/// The pseudonymous references of the cases some tasks serve, by the tasks' business keys (the case ids as text), and the
/// name of a case's shelter: what names a case to a person without anything about the person in it.
/// </summary>
public static class CaseReferences
{
    /// <summary>The case's shelter as the rules read it (its certification), untracked.</summary>
    public static Task<Shelter?> ShelterAsync(NspDbContext db, Guid shelterId, CancellationToken cancellationToken) =>
        db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == shelterId, cancellationToken);

    public static Task<string?> ShelterNameAsync(NspDbContext db, Guid shelterId, CancellationToken cancellationToken) =>
        db.Shelters.AsNoTracking().Where(s => s.Id == shelterId).Select(s => (string?)s.Name).SingleOrDefaultAsync(cancellationToken);

    public static async Task<Dictionary<string, string>> ByBusinessKeyAsync(NspDbContext db, IEnumerable<string?> businessKeys,
        CancellationToken cancellationToken)
    {
        var ids = businessKeys.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).Distinct().ToList();
        return await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id.ToString(), c => c.Reference, cancellationToken);
    }
}
