using Microsoft.EntityFrameworkCore;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Web.Tests.TestHost;

namespace NspWorkflow.Web.Tests.Features.Shelters;

/// <summary>What a shelter test reads back from the app's database to check what the pages stored.</summary>
internal static class ShelterQueries
{
    public static async Task<Shelter> FindAsync(NspApp app, string name)
    {
        await using var db = app.CreateDbContext();
        return await db.Shelters.AsNoTracking().SingleAsync(s => s.Name == name);
    }

    public static async Task<Shelter> FindAsync(NspApp app, Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.Shelters.AsNoTracking().SingleAsync(s => s.Id == id);
    }
}
