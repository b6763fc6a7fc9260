using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>
/// The register's names are unique whatever their case: "Boendet Väst" and "boendet väst" are one shelter. Compared in
/// memory, since providers compare text case-insensitively in different ways (and the register is a few dozen names).
/// </summary>
public static class ShelterNames
{
    /// <summary>Whether a shelter other than <paramref name="exceptShelterId"/> already has <paramref name="name"/> (trimmed).</summary>
    public static async Task<bool> IsTakenAsync(this NspDbContext db, string name, Guid? exceptShelterId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        var names = await db.Shelters.AsNoTracking().Where(s => s.Id != exceptShelterId).Select(s => s.Name).ToListAsync(cancellationToken);
        return names.Any(n => string.Equals(n, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
