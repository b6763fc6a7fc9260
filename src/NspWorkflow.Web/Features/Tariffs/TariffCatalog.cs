using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Tariffs;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Web.Features.Tariffs;

/// <summary>
/// The tariffs the app computes with: the rows of the Tariffs table read as one schedule with its history, kept in
/// memory and read again when a revision is saved here or found newer by <see cref="TariffRefreshService"/> (another node).
/// Each request and job takes <see cref="Current"/> once (the scoped <see cref="TariffSchedule"/>), so a step never mixes
/// two revisions.
/// </summary>
public sealed class TariffCatalog(IServiceScopeFactory scopes)
{
    private volatile TariffSchedule? current;

    public TariffSchedule Current => current ?? throw new InvalidOperationException("The tariffs have not been read from the database yet.");

    /// <summary>Reads the schedule when the database has a newer revision than the one in memory (or none is read yet).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NspDbContext>();
        var newest = await db.Tariffs.MaxAsync(t => (int?)t.Revision, cancellationToken);
        if (newest is null || newest == current?.Revision)
            return;
        var rows = await db.Tariffs.AsNoTracking().ToListAsync(cancellationToken);
        current = TariffSchedule.FromHistory(rows.Select(ToEntry));
    }

    /// <summary>A row's tariff: its file holds exactly one, checked when it was saved.</summary>
    public static TariffEntry ToEntry(TariffRow row) =>
        new(TariffFile.Parse(row.Json).Tariffs.Single(), row.Revision, row.ReplacedInRevision);
}
