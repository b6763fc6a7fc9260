using System.Diagnostics.CodeAnalysis;

namespace NspWorkflow.Domain.Tariffs;

/// <summary>A tariff in the schedule's history: added in <see cref="Revision"/>, replaced in <see cref="ReplacedIn"/> (null while in force).</summary>
public sealed record TariffEntry(Tariff Tariff, int Revision, int? ReplacedIn = null);

/// <summary>
/// The tariffs in order of their effective dates. Each is in force from its date until the day before the
/// next one's, so a day has exactly one tariff, or none before the first.
/// Every change of the tariffs is a new <see cref="Revision"/>. A period records the revision it was approved under and is
/// paid by the schedule <see cref="AsOf"/> that revision, so a tariff added or corrected later never changes the amount
/// of days already approved.
/// </summary>
public sealed class TariffSchedule
{
    public const int FirstRevision = 1;

    private readonly Tariff[] tariffs;
    private readonly TariffEntry[] history;

    /// <summary>A schedule of one revision, as the tariff files give it.</summary>
    /// <exception cref="RuleViolationException">No tariff, a duplicate effective date, or an invalid tariff.</exception>
    public TariffSchedule(IEnumerable<Tariff> tariffs)
        : this([.. tariffs.Select(t => new TariffEntry(t, FirstRevision))], revision: null)
    {
    }

    /// <summary>
    /// The schedule of <paramref name="history"/>. Without a <paramref name="revision"/> the tariffs in force are checked
    /// and the revision is the latest that added or replaced one; with one (<see cref="AsOf"/>) they were checked before.
    /// </summary>
    private TariffSchedule(TariffEntry[] history, int? revision)
    {
        this.history = [.. history.OrderBy(e => e.Revision)];
        var inForce = this.history.Where(e => e.ReplacedIn is null).Select(e => e.Tariff).ToList();
        if (revision is null)
        {
            var violations = Validate(inForce);
            if (violations.Count > 0)
                throw new RuleViolationException(violations);
        }
        tariffs = [.. inForce.OrderBy(t => t.EffectiveFrom)];
        Revision = revision ?? this.history.Max(e => Math.Max(e.Revision, e.ReplacedIn ?? 0));
    }

    /// <summary>A schedule with its history; its revision is the latest that added or replaced a tariff.</summary>
    /// <exception cref="RuleViolationException">No tariff in force, a duplicate effective date, or an invalid tariff.</exception>
    public static TariffSchedule FromHistory(IEnumerable<TariffEntry> history) => new([.. history], revision: null);

    /// <summary>The tariffs in force now, by effective date.</summary>
    public IReadOnlyList<Tariff> Tariffs => tariffs;

    /// <summary>Every tariff there has been, in the order of the revisions that added them.</summary>
    public IReadOnlyList<TariffEntry> History => history;

    public int Revision { get; }

    /// <summary>
    /// The schedule as it stood at <paramref name="revision"/>: what a period approved then is paid by. Null (a period
    /// not yet approved, or computed to show what it would cost) and the current revision are this schedule.
    /// </summary>
    public TariffSchedule AsOf(int? revision)
    {
        if (revision is not { } r || r >= Revision)
            return this;
        var known = history.Where(e => e.Revision <= r).Select(e => e.ReplacedIn <= r ? e : e with { ReplacedIn = null }).ToArray();
        // A revision older than every tariff cannot have approved anything; the oldest schedule is the nearest truth.
        return known.Length == 0 ? AsOf(history.Min(e => e.Revision)) : new TariffSchedule(known, r);
    }

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
