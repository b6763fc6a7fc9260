using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Certification;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// The minimum requirements by year. A year without its own list takes the latest earlier one (or the program's starting
/// list, <see cref="DefaultRequirements"/>) when a certification first needs it, and keeps it: editing next year's list
/// never changes what a certification under way was answered against.
/// </summary>
public sealed class RequirementCatalogs(NspDbContext db, TimeProvider time)
{
    public async Task<RequirementCatalog?> FindAsync(int year, CancellationToken cancellationToken) =>
        await db.RequirementCatalogs.AsNoTracking().SingleOrDefaultAsync(r => r.Year == year, cancellationToken) is { } row ? Read(row) : null;

    /// <summary>The year's list as a page shows it before it is stored: its own, else the one it would take.</summary>
    public async Task<RequirementCatalog> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        if (await FindAsync(year, cancellationToken) is { } own)
            return own;
        var earlier = await db.RequirementCatalogs.AsNoTracking().Where(r => r.Year < year).OrderByDescending(r => r.Year).FirstOrDefaultAsync(cancellationToken);
        return new RequirementCatalog(year, earlier is null ? DefaultRequirements.All : Read(earlier).Requirements);
    }

    /// <summary>The year whose stored list <paramref name="year"/> takes: its own, else the latest earlier one; null for the program's starting list.</summary>
    public async Task<int?> SourceYearAsync(int year, CancellationToken cancellationToken) =>
        await db.RequirementCatalogs.AsNoTracking().Where(r => r.Year <= year).OrderByDescending(r => r.Year).Select(r => (int?)r.Year).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Whether certifications, or invitations awaiting admission, have answered the year's list, which then stays as it is.</summary>
    public async Task<bool> InUseAsync(int year, CancellationToken cancellationToken) =>
        await db.Certifications.AnyAsync(c => c.RequirementsYear == year, cancellationToken)
        || await db.CertificationInvitations.AnyAsync(i => i.RequirementsYear == year && i.Stage == nameof(InvitationStage.Submitted), cancellationToken);

    /// <summary>Stores the year's list if it has none yet (tracked; saved with the caller's unit of work).</summary>
    public async Task<RequirementCatalog> KeepForYearAsync(int year, string actor, CancellationToken cancellationToken)
    {
        var catalog = await ForYearAsync(year, cancellationToken);
        if (!await db.RequirementCatalogs.AnyAsync(r => r.Year == year, cancellationToken)
            && db.ChangeTracker.Entries<RequirementCatalogRow>().All(e => e.Entity.Year != year))
        {
            db.RequirementCatalogs.Add(new RequirementCatalogRow
            {
                Year = year, Document = Write(catalog.Requirements), UpdatedAt = time.GetUtcNow(), UpdatedBy = AuditEntry.FitActor(actor), Version = Guid.NewGuid(),
            });
        }

        return catalog;
    }

    /// <summary>
    /// The administrator's list for a year; refused, naming the field, when a rule breaks or when certifications have
    /// already answered the year's list (a new year's list is the way to change requirements).
    /// </summary>
    public async Task<IReadOnlyList<RuleViolation>> SaveAsync(RequirementCatalog catalog, string actor, CancellationToken cancellationToken)
    {
        var trimmed = catalog with { Requirements = [.. catalog.Requirements.Select(r => new Requirement(r.Key?.Trim() ?? "", r.Text?.Trim() ?? ""))] };
        var violations = trimmed.Validate();
        if (violations.Count > 0)
            return violations;
        if (await InUseAsync(catalog.Year, cancellationToken))
            return [new(nameof(RequirementCatalog.Year), RuleViolationCode.WrongStage)];

        var now = time.GetUtcNow();
        var row = await db.RequirementCatalogs.SingleOrDefaultAsync(r => r.Year == catalog.Year, cancellationToken);
        if (row is null)
            db.RequirementCatalogs.Add(row = new RequirementCatalogRow { Year = catalog.Year });
        row.Document = Write(trimmed.Requirements);
        row.UpdatedAt = now;
        row.UpdatedBy = AuditEntry.FitActor(actor);
        row.Version = Guid.NewGuid();
        db.AuditEntries.Add(AuditEntry.Create(now, actor, "certification.requirements-saved", catalog.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private static RequirementCatalog Read(RequirementCatalogRow row) =>
        new(row.Year, JsonSerializer.Deserialize<List<Requirement>>(row.Document, CertificationDocument.Json) ?? []);

    private static string Write(IReadOnlyList<Requirement> requirements) => JsonSerializer.Serialize(requirements, CertificationDocument.Json);
}
