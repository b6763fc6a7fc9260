using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Shelters;

/// <summary>
/// Reads one shelter for the singletons that decide on it (a task form checking the certification before an application
/// for money), each read in a scope of its own: the shelter is read, never changed, there.
/// </summary>
public sealed class ShelterLookup(IServiceScopeFactory scopes)
{
    public async Task<Shelter?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        return await db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }
}
