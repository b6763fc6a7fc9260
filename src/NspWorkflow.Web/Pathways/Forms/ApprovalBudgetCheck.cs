using System.Globalization;
using NspWorkflow.Domain;
using NspWorkflow.Domain.Budget;
using NspWorkflow.Domain.Cases;
using NspWorkflow.Domain.Invoicing;
using NspWorkflow.Domain.Periods;
using NspWorkflow.Web.Features.Budget;
using NspWorkflow.Web.Features.Tariffs;
using NspWorkflow.Web.Features.Tasks.Forms;
using NspWorkflow.Web.Infrastructure.Hosting;

namespace NspWorkflow.Web.Pathways.Forms;

/// <summary>
/// Before the coordinator approves a period or a point intervention: what it will cost, month by month, against what each
/// funder has left of the year's direct support. The period is the one the approval will start, found by starting it on a
/// copy of the case. An overrun refuses the approval naming <c>confirmOverrun</c>; approved with the confirmation, the
/// overrun is audited.
/// </summary>
public sealed class ApprovalBudgetCheck(IServiceScopeFactory scopes, TariffCatalog tariffs, TimeProvider time)
{
    public const string ConfirmField = "confirmOverrun";

    /// <summary>Approving the period of <paramref name="kind"/> the case would start next.</summary>
    public async Task CheckAsync(TaskFormContext context, PeriodKind kind, bool confirmed, List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        if (context.Subject is not Case @case || ProspectivePeriod(@case, kind) is not { } period)
            return;
        await CheckAsync(context, [period], [], confirmed, violations, cancellationToken);
    }

    /// <summary>Approving the case's point intervention <paramref name="id"/>: its amount in the month of its date.</summary>
    public async Task CheckAsync(TaskFormContext context, Guid id, bool confirmed, List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        if (context.Subject is not Case @case || @case.PointInterventions.FirstOrDefault(p => p.Id == id) is not { } intervention)
            return;
        var approved = new ApprovedPointIntervention(id, intervention.Details.CategoryKey, intervention.Details.Amount, intervention.Details.Date, null);
        await CheckAsync(context, [], [approved], confirmed, violations, cancellationToken);
    }

    private async Task CheckAsync(TaskFormContext context, IReadOnlyList<SupportPeriod> periods, IReadOnlyList<ApprovedPointIntervention> interventions,
        bool confirmed, List<RuleViolation> violations, CancellationToken cancellationToken)
    {
        var subject = (Case)context.Subject!;
        var cost = CommitmentLedger.Months(new InvoiceCase(subject.Id, subject.Reference, periods, interventions), tariffs.Current)
            .GroupBy(m => m.Month).ToDictionary(g => g.Key, g => g.Sum(m => m.Amount));

        await using var scope = scopes.CreateAsyncScope();
        var budget = scope.ServiceProvider.GetRequiredService<BudgetQueries>();
        var rules = await budget.RulesAsync(cancellationToken);
        var overruns = new List<(string Funder, decimal Cost, decimal Left)>();
        foreach (var year in cost.Keys.Select(m => m.Year).Distinct())
            overruns.AddRange((await budget.StatementAsync(year, SwedishCalendar.Today(time), cancellationToken)).Overruns(cost, rules));
        if (overruns.Count == 0)
            return;
        if (!confirmed)
        {
            violations.AddRange(overruns.Select(o => new RuleViolation(ConfirmField, RuleViolationCode.BudgetOverrun, o.Funder, o.Cost, o.Left)));
            return;
        }
        foreach (var (funder, amount, left) in overruns)
            context.Audit?.Invoke("budget.overrun-confirmed", string.Create(CultureInfo.InvariantCulture, $"{funder}: {amount:0.00} with {left:0.00} left"));
    }

    /// <summary>The period approving would start, started on a copy of the case; null when its rules refuse it (the step will say so).</summary>
    private SupportPeriod? ProspectivePeriod(Case @case, PeriodKind kind)
    {
        try
        {
            var copy = Case.Restore(@case.ToSnapshot(), tariffs.Current);
            if (kind != PeriodKind.Reflection)
                return copy.StartNext(kind, tariffs.Current);
            copy.Admit();
            return copy.StartReflection(tariffs.Current);
        }
        catch (RuleViolationException)
        {
            return null;
        }
    }
}
