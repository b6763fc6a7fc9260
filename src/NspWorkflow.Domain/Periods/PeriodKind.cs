namespace NspWorkflow.Domain.Periods;

/// <summary>The three kinds of daily-funded support, in the order of the pathway.</summary>
public enum PeriodKind
{
    /// <summary>Reflection / rest ("reflektionsperiod", "initial vila").</summary>
    Reflection,

    /// <summary>Extended support ("fördjupat stöd"), renewable up to the tariff's number of periods.</summary>
    Extended,

    /// <summary>Integration / exit ("integration", "utslussning").</summary>
    Integration,
}
