namespace NspWorkflow.Data.Budget;

/// <summary>A funder's grant of a year (<see cref="Domain.Budget.Grant"/>); one per funder and year.</summary>
public sealed class GrantRow
{
    public Guid Id { get; set; }
    public string Funder { get; set; } = "";
    public int Year { get; set; }
    public decimal Amount { get; set; }
    public decimal DirectSupport { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>From <see cref="FromMonth"/> (yyyyMM) the funder named pays (<see cref="Domain.Budget.FunderRule"/>); the month is the key.</summary>
public sealed class FunderRuleRow
{
    public int FromMonth { get; set; }
    public string Funder { get; set; } = "";
}

/// <summary>
/// A case's commitment in one month (<see cref="Domain.Budget.MonthlyCommitment"/>): kept with the case at every change, so
/// the budget sums rows instead of reading case files. Days and sums only, nothing about the person.
/// The key is a row id, not (case, kind, number, month): two steps changing one case at once both insert, and the case row's
/// version lets one of them commit (a unique key would fail the other with a duplicate instead of a lost race it retries).
/// </summary>
public sealed class CommitmentMonthRow
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Kind { get; set; } = "";
    public int Number { get; set; }
    public int Month { get; set; }
    public int Days { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>
/// A change of what all cases commit in one month, added with every change of a <see cref="CommitmentMonthRow"/> in the
/// same step: steps only insert (two approvals at once never wait for or fail on each other), and a job folds a month's rows
/// into one now and then, so the budget reads a few rows a month instead of a year's case months (180 000 at 100 000 cases).
/// </summary>
public sealed class CommitmentTotalRow
{
    public Guid Id { get; set; }
    public int Month { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A case's period as the forecast reads it (<see cref="Domain.Budget.PeriodOutlook"/>), kept with the case.</summary>
public sealed class CommitmentPeriodRow
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public string Kind { get; set; } = "";
    public int Number { get; set; }
    public DateOnly FirstDay { get; set; }
    public DateOnly LastDay { get; set; }
    public bool Renewed { get; set; }
    public bool Renewable { get; set; }
    public decimal RenewalDaily { get; set; }
    public int RenewalDays { get; set; }

    /// <summary>The case is active and open, so a period of it may still be renewed (the forecast reads this, not the case).</summary>
    public bool CaseRunning { get; set; }
}
