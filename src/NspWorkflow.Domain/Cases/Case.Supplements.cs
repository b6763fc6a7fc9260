using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Cases;

/// <summary>
/// The motivated supplement: asked for with a justification, with the application or during any period, and approved or
/// refused by the coordinator apart from the periods. Approved, it is paid by day from the day of approval (not before
/// the placement), in the running period and every later one where the tariff pays it.
/// </summary>
public sealed partial class Case
{
    public IReadOnlyList<CaseSupplement> Supplements => supplements;

    /// <summary>The supplement approved for the case, if any.</summary>
    public CaseSupplement? ApprovedSupplement => supplements.LastOrDefault(s => s.Status == SupplementStatus.Approved);

    /// <summary>
    /// The shelter asks for the supplement on <paramref name="today"/>: an application for money, so the shelter must be
    /// certified; one waiting for a decision or already approved is not asked for twice.
    /// </summary>
    public CaseSupplement RequestSupplement(Guid id, string? justification, DateOnly today, Shelter? shelter)
    {
        if (Status is not (CaseStatus.Applied or CaseStatus.Active))
            throw new RuleViolationException([new("status", RuleViolationCode.WrongStatus)]);
        RequireCertified(shelter, today);
        if (supplements.Any(s => s.Status is SupplementStatus.Requested or SupplementStatus.Approved))
            throw new RuleViolationException([new("supplement", RuleViolationCode.Duplicate)]);
        var requested = new CaseSupplement(id, RequiredText("justification", justification), today, SupplementStatus.Requested);
        supplements.Add(requested);
        return requested;
    }

    /// <summary>
    /// The coordinator decides the supplement on <paramref name="today"/>; a refusal needs a reason. Approved on a running
    /// case it is paid from that day on; approved while the admission waits, from that day once the reflection starts.
    /// </summary>
    public void DecideSupplement(Guid id, bool approved, string? reason, DateOnly today, TariffSchedule tariffs)
    {
        var index = supplements.FindIndex(s => s.Id == id);
        if (index < 0)
            throw new RuleViolationException([new("supplementId", RuleViolationCode.NotFound)]);
        var supplement = supplements[index];
        // Refused with the application: its review may close as refused, nothing else.
        if (ClosedOutcome == CaseOutcome.Rejected && supplement.Status == SupplementStatus.Rejected)
        {
            if (approved)
                throw new RuleViolationException([new("status", RuleViolationCode.WrongStatus)]);
            return;
        }
        if (supplement.Status != SupplementStatus.Requested)
            throw new RuleViolationException([new("supplementId", RuleViolationCode.WrongStatus)]);
        if (!approved)
        {
            supplements[index] = supplement with { Status = SupplementStatus.Rejected, DecidedOn = today, RejectionReason = RequiredText("reason", reason) };
            return;
        }
        if (Status is not (CaseStatus.Applied or CaseStatus.Active))
            throw new RuleViolationException([new("status", RuleViolationCode.WrongStatus)]);

        supplements[index] = supplement with { Status = SupplementStatus.Approved, DecidedOn = today };
        if (Status == CaseStatus.Active)
            PaySupplementFrom(today, tariffs);
    }

    /// <summary>The approved supplement is paid from <paramref name="day"/> (the placement at the earliest) in the periods that run then or later.</summary>
    private void PaySupplementFrom(DateOnly day, TariffSchedule tariffs)
    {
        if (periods.Periods.Count == 0 || periods.Periods[^1].LastDay < day)
            return;
        var from = day < periods.Periods[0].FirstDay ? periods.Periods[0].FirstDay : day;
        periods.ChangeTermsFrom(from, (_, t) => t with { MotivatedSupplementApproved = true }, tariffs);
    }

    /// <summary>An admission refused refuses what was asked for with it, for the same reason.</summary>
    private void RejectSupplementsWithTheApplication()
    {
        for (var i = 0; i < supplements.Count; i++)
        {
            if (supplements[i].Status != SupplementStatus.Rejected)
                supplements[i] = supplements[i] with { Status = SupplementStatus.Rejected, RejectionReason = RejectionReason };
        }
    }
}
