using NspWorkflow.Domain.Tariffs;

namespace NspWorkflow.Domain.PointInterventions;

/// <summary>
/// A point intervention ("punktinsats"): a real cost on <see cref="Date"/> for one person, from the
/// intervention list, up to the cap of the tariff in force that day. The receipt reference names the
/// stored receipt file; it may come later, with the invoice.
/// </summary>
public sealed record PointIntervention(
    string CategoryKey,
    decimal Amount,
    string Description,
    string? ReceiptReference,
    DateOnly Date)
{
    public const int MaxDescriptionLength = 2000;
    public const int MaxReceiptReferenceLength = 200;

    /// <summary>Every broken rule. Arguments carry tariff limits only, never the description.</summary>
    public IReadOnlyList<RuleViolation> Validate(TariffSchedule tariffs)
    {
        var violations = new List<RuleViolation>();
        if (Amount <= 0)
            violations.Add(new(nameof(Amount), RuleViolationCode.NotPositive));
        else if (decimal.Round(Amount, 2) != Amount)
            violations.Add(new(nameof(Amount), RuleViolationCode.Invalid));

        if (string.IsNullOrWhiteSpace(Description))
            violations.Add(new(nameof(Description), RuleViolationCode.Required));
        else if (Description.Length > MaxDescriptionLength)
            violations.Add(new(nameof(Description), RuleViolationCode.TooLong, MaxDescriptionLength));
        if (ReceiptReference is { Length: > MaxReceiptReferenceLength })
            violations.Add(new(nameof(ReceiptReference), RuleViolationCode.TooLong, MaxReceiptReferenceLength));

        if (!tariffs.TryInForceOn(Date, out var tariff))
        {
            violations.Add(tariffs.NoTariffInForce(nameof(Date)));
            return violations;
        }

        // "Max 5000 SEK per person and occasion": the cap of the day the cost arises.
        if (Amount > tariff.PointInterventions.CapPerOccasion)
            violations.Add(new(nameof(Amount), RuleViolationCode.AboveCap, tariff.PointInterventions.CapPerOccasion));
        if (!tariff.PointInterventions.HasCategory(CategoryKey))
            violations.Add(new(nameof(CategoryKey), RuleViolationCode.UnknownCategory));
        return violations;
    }
}
