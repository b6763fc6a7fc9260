using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NspWorkflow.Data;
using NspWorkflow.Data.Audit;
using NspWorkflow.Data.Budget;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Budget;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Web.Infrastructure.Authentication;

namespace NspWorkflow.Web.Features.Budget;

/// <summary>
/// The administrator's changes of the budget's data: a funder's grant of a year (saved again, it is replaced) and the rules
/// of which funder pays from which month. Each change is audited with the user; a broken rule names its field.
/// </summary>
public sealed class BudgetEdits(NspDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<RuleViolation>> SaveGrantAsync(Grant grant, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        grant = grant with { Funder = grant.Funder.Trim() };
        var violations = grant.Validate();
        if (violations.Count > 0)
            return violations;
        var now = time.GetUtcNow();
        var row = await db.Grants.SingleOrDefaultAsync(g => g.Year == grant.Year && g.Funder == grant.Funder, cancellationToken);
        if (row is null)
            db.Grants.Add(row = new GrantRow { Id = Guid.CreateVersion7(now), Funder = grant.Funder, Year = grant.Year });
        row.Amount = grant.Amount;
        row.DirectSupport = grant.DirectSupport;
        row.UpdatedAt = now;
        row.UpdatedBy = AuditEntry.FitActor(user.Actor());
        Audit(user, "budget.grant.saved", $"{grant.Funder} {grant.Year}: {grant.Amount} ({grant.DirectSupport} direct support)");
        return await SaveAsync(cancellationToken) ? [] : [new("funder", RuleViolationCode.Duplicate, grant.Funder)];
    }

    public async Task RemoveGrantAsync(string funder, int year, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await db.Grants.SingleOrDefaultAsync(g => g.Year == year && g.Funder == funder, cancellationToken) is not { } row)
            return;
        db.Grants.Remove(row);
        Audit(user, "budget.grant.removed", $"{funder} {year}");
        await SaveAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RuleViolation>> SaveRuleAsync(string? from, string? funder, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var violations = new List<RuleViolation>();
        if (!InvoiceMonth.TryParse(from, out var month))
            violations.Add(new("from", RuleViolationCode.Required));
        funder = funder?.Trim();
        if (string.IsNullOrEmpty(funder))
            violations.Add(new("ruleFunder", RuleViolationCode.Required));
        else if (funder.Length > Grant.MaxFunderLength)
            violations.Add(new("ruleFunder", RuleViolationCode.TooLong, Grant.MaxFunderLength));
        if (violations.Count > 0)
            return violations;
        var row = await db.FunderRules.SingleOrDefaultAsync(r => r.FromMonth == month.Number, cancellationToken);
        if (row is null)
            db.FunderRules.Add(row = new FunderRuleRow { FromMonth = month.Number });
        row.Funder = funder!;
        Audit(user, "budget.rule.saved", $"from {month}: {funder}");
        return await SaveAsync(cancellationToken) ? [] : [new("from", RuleViolationCode.Duplicate, month.ToString())];
    }

    public async Task RemoveRuleAsync(int fromMonth, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await db.FunderRules.SingleOrDefaultAsync(r => r.FromMonth == fromMonth, cancellationToken) is not { } row)
            return;
        db.FunderRules.Remove(row);
        Audit(user, "budget.rule.removed", $"from {InvoiceMonth.FromNumber(fromMonth)}");
        await SaveAsync(cancellationToken);
    }

    /// <summary>False when another administrator saved the same funder and year (or month) at the same moment: their save stands.</summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private void Audit(ClaimsPrincipal user, string action, string detail) =>
        db.AuditEntries.Add(AuditEntry.Create(time.GetUtcNow(), user.Actor(), action, detail));
}
