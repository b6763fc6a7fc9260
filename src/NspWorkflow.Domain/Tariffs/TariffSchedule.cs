using System.Diagnostics.CodeAnalysis;

namespace NspWorkflow.Domain.Tariffs;

/// <summary>
/// The tariffs in order of their effective dates. Each is in force from its date until the day before the
/// next one's, so a day has exactly one tariff, or none before the first.
/// </summary>
public sealed class TariffSchedule
{
    private readonly Tariff[] tariffs;

    /// <exception cref="RuleViolationException">No tariff, a duplicate effective date, or an invalid tariff.</exception>
    public TariffSchedule(IEnumerable<Tariff> tariffs)
    {
        var list = tariffs.ToList();
        var violations = Validate(list);
        if (violations.Count > 0)
            throw new RuleViolationException(violations);
        this.tariffs = list.OrderBy(t => t.EffectiveFrom).ToArray();
    }

    public IReadOnlyList<Tariff> Tariffs => tariffs;

    /// <summary>Every broken rule; fields are paths as in the tariff file (<c>tariffs[1].effectiveFrom</c>).</summary>
    public static IReadOnlyList<RuleViolation> Validate(IReadOnlyList<Tariff> tariffs)
    {
        var violations = new List<RuleViolation>();
        if (tariffs.Count == 0)
            violations.Add(new("tariffs", RuleViolationCode.Required));

        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < tariffs.Count; i++)
        {
            // Two tariffs from the same day would both be in force: the schedule could not say which pays.
            if (!seen.Add(tariffs[i].EffectiveFrom))
                violations.Add(new($"tariffs[{i}].effectiveFrom", RuleViolationCode.Duplicate, tariffs[i].EffectiveFrom));
            violations.AddRange(tariffs[i].Validate($"tariffs[{i}]"));
        }
        return violations;
    }

    /// <exception cref="RuleViolationException"><see cref="RuleViolationCode.NoTariffInForce"/> for a day before the first tariff.</exception>
    public Tariff InForceOn(DateOnly day) =>
        TryInForceOn(day, out var tariff)
            ? tariff
            : throw new RuleViolationException([NoTariffInForce("day")]);

    public bool TryInForceOn(DateOnly day, [NotNullWhen(true)] out Tariff? tariff)
    {
        tariff = null;
        foreach (var candidate in tariffs)
        {
            if (candidate.EffectiveFrom > day)
                break;
            tariff = candidate;
        }
        return tariff is not null;
    }

    /// <summary>The violation for a day before the first tariff, naming the first effective date (tariff data, not personal).</summary>
    public RuleViolation NoTariffInForce(string field) =>
        new(field, RuleViolationCode.NoTariffInForce, tariffs[0].EffectiveFrom);
}
