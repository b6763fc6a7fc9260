namespace NspWorkflow.Domain.Budget;

/// <summary>
/// A funder's grant for a year (DESIGN §2 "Money": the program's yearly grants are fixed): <see cref="Amount"/> in all and
/// <see cref="DirectSupport"/> of it earmarked for direct support, which the approved periods and point interventions use.
/// </summary>
public sealed record Grant(string Funder, int Year, decimal Amount, decimal DirectSupport)
{
    public const int MaxFunderLength = 100;

    public IReadOnlyList<RuleViolation> Validate()
    {
        var violations = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Funder))
            violations.Add(new("funder", RuleViolationCode.Required));
        else if (Funder.Length > MaxFunderLength)
            violations.Add(new("funder", RuleViolationCode.TooLong, MaxFunderLength));
        if (Year is < 2000 or > 2100)
            violations.Add(new("year", RuleViolationCode.OutOfRange, 2000, 2100));
        if (Amount < 0 || decimal.Round(Amount, 2) != Amount)
            violations.Add(new("amount", Amount < 0 ? RuleViolationCode.Negative : RuleViolationCode.Invalid));
        if (DirectSupport < 0 || decimal.Round(DirectSupport, 2) != DirectSupport)
            violations.Add(new("directSupport", DirectSupport < 0 ? RuleViolationCode.Negative : RuleViolationCode.Invalid));
        else if (DirectSupport > Amount)
            violations.Add(new("directSupport", RuleViolationCode.OutOfRange, 0m, Amount));
        return violations;
    }
}

/// <summary>
/// From <see cref="From"/> (a month) the funder named pays the program's direct support, until the next rule's month. The
/// administrator sets the rules; no funder is chosen in code. By month, because the invoice basis and the budget are by month.
/// </summary>
public sealed record FunderRule(Invoicing.InvoiceMonth From, string Funder);

/// <summary>The funder rules in order; a month before the first rule has no funder.</summary>
public sealed class FunderRules(IEnumerable<FunderRule> rules)
{
    private readonly FunderRule[] rules = [.. rules.OrderBy(r => r.From)];

    public IReadOnlyList<FunderRule> All => rules;

    public string? FunderOf(Invoicing.InvoiceMonth month) => rules.LastOrDefault(r => r.From <= month)?.Funder;
}
