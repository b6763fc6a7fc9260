using NspWorkflow.Domain.Periods;
using NspWorkflow.Domain.PointInterventions;
using NspWorkflow.Domain.Shelters;
using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.Cases;

/// <summary>A case's point interventions: applied for, decided, and their receipts.</summary>
public sealed partial class Case
{
    /// <summary>
    /// A point intervention applied for: with the application (000: "Tillträde och finansiering av punktinsats kan ansökas
    /// samtidigt"), while the case runs, and after MMM (the state took over the daily funding, not the one-off costs).
    /// Above the cap or off the list is refused.
    /// </summary>
    public CasePointIntervention SubmitPointIntervention(Guid id, PointIntervention details, TariffSchedule tariffs, DateTimeOffset now,
        DateOnly today, Shelter? shelter)
    {
        if (Status is not (CaseStatus.Applied or CaseStatus.Active) && Outcome != CaseOutcome.Mmm)
            throw new RuleViolationException([new("status", RuleViolationCode.WrongStatus)]);
        RequireCertified(shelter, today);
        var violations = details.Validate(tariffs);
        if (violations.Count > 0)
            throw new RuleViolationException(violations);
        var submitted = new CasePointIntervention(id, details, PointInterventionStatus.Submitted, now);
        pointInterventions.Add(submitted);
        return submitted;
    }

    public void DecidePointIntervention(Guid id, bool approved, string? reason, TariffSchedule tariffs)
    {
        var index = pointInterventions.FindIndex(p => p.Id == id);
        if (index < 0)
            throw new RuleViolationException([new("pointInterventionId", RuleViolationCode.NotFound)]);
        var intervention = pointInterventions[index];
        // Refused with the application: the review still open has nothing left to decide but may be closed as refused.
        if (ClosedOutcome == CaseOutcome.Rejected && intervention.Status == PointInterventionStatus.Rejected)
        {
            if (approved)
                throw new RuleViolationException([new("status", RuleViolationCode.WrongStatus)]);
            return;
        }
        if (intervention.Status != PointInterventionStatus.Submitted)
            throw new RuleViolationException([new("pointInterventionId", RuleViolationCode.WrongStatus)]);
        if (approved)
            periods.AddPointIntervention(intervention.Details, tariffs);
        pointInterventions[index] = approved
            ? intervention with { Status = PointInterventionStatus.Approved }
            : intervention with { Status = PointInterventionStatus.Rejected, RejectionReason = RequiredText("reason", reason) };
    }

    /// <summary>Records the stored receipt of a point intervention (it may come after the decision, with the invoice).</summary>
    public void AttachReceipt(Guid pointInterventionId, string receiptReference)
    {
        var index = pointInterventions.FindIndex(p => p.Id == pointInterventionId);
        if (index < 0)
            throw new RuleViolationException([new("pointInterventionId", RuleViolationCode.NotFound)]);
        if (pointInterventions[index].Status == PointInterventionStatus.Rejected)
            throw new RuleViolationException([new("pointInterventionId", RuleViolationCode.WrongStatus)]);
        if (receiptReference.Length is 0 or > PointIntervention.MaxReceiptReferenceLength)
            throw new RuleViolationException([new("receiptReference", RuleViolationCode.Invalid)]);
        var intervention = pointInterventions[index];
        pointInterventions[index] = intervention with { Details = intervention.Details with { ReceiptReference = receiptReference } };
    }
}
