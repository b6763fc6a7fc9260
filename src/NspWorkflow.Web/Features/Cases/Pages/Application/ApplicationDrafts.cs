using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Cases;

namespace NspWorkflow.Web.Features.Cases.Pages.Application;

/// <summary>A saved application: what was typed, and the version a later save must name.</summary>
public sealed record ApplicationDraft(Guid Id, Guid Version, DateTimeOffset UpdatedAt, ApplicationForm Form);

/// <summary>A draft as the case list shows it: no personal data, only when it was saved.</summary>
public sealed record ApplicationDraftSummary(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// Applications a shelter saved before submitting. The typed form is encrypted like a case file (it holds the person's
/// facts); a draft belongs to its shelter, and to anyone else it does not exist.
/// </summary>
public sealed class ApplicationDrafts(NspDbContext db, IDataProtectionProvider protection, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly IDataProtector protector = protection.CreateProtector("NspWorkflow.Cases.ApplicationDraft.v1");

    public async Task<ApplicationDraft?> FindAsync(Guid id, Guid shelterId, CancellationToken cancellationToken)
    {
        var row = await db.ApplicationDrafts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.ShelterId == shelterId, cancellationToken);
        return row is null ? null : new ApplicationDraft(row.Id, row.Version, row.UpdatedAt,
            JsonSerializer.Deserialize<ApplicationForm>(protector.Unprotect(row.ProtectedData), Json) ?? new ApplicationForm());
    }

    public async Task<IReadOnlyList<ApplicationDraftSummary>> ListAsync(Guid shelterId, CancellationToken cancellationToken) =>
        await db.ApplicationDrafts.AsNoTracking().Where(d => d.ShelterId == shelterId)
            .OrderByDescending(d => d.UpdatedAt)
            .Select(d => new ApplicationDraftSummary(d.Id, d.CreatedAt, d.UpdatedAt))
            .ToListAsync(cancellationToken);

    /// <summary>
    /// Saves a new draft (no <paramref name="id"/>) or the next version of one. Null when the draft was saved or submitted
    /// by someone else since <paramref name="version"/> was read: the caller's form is not written over theirs.
    /// </summary>
    public async Task<(Guid Id, Guid Version)?> SaveAsync(Guid? id, Guid? version, Guid shelterId, ApplicationForm form,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var data = protector.Protect(JsonSerializer.Serialize(form, Json));
        var next = Guid.NewGuid();
        if (id is not { } existing)
        {
            var row = new ApplicationDraftRow { Id = Guid.CreateVersion7(now), ShelterId = shelterId, CreatedAt = now, UpdatedAt = now, Version = next, ProtectedData = data };
            db.ApplicationDrafts.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            return (row.Id, next);
        }

        // One statement that checks the version: two saves at once give one winner, the other learns it lost.
        var updated = await db.ApplicationDrafts
            .Where(d => d.Id == existing && d.ShelterId == shelterId && d.Version == version)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.ProtectedData, data).SetProperty(d => d.UpdatedAt, now).SetProperty(d => d.Version, next),
                cancellationToken);
        return updated == 1 ? (existing, next) : null;
    }

    /// <summary>Removes the draft with the next save of the unit of work (the step that opens its case), if still at <paramref name="version"/>.</summary>
    public void RemoveWithNextSave(Guid id, Guid version)
    {
        var row = new ApplicationDraftRow { Id = id, Version = version };
        db.ApplicationDrafts.Attach(row);
        db.ApplicationDrafts.Remove(row);
    }
}
