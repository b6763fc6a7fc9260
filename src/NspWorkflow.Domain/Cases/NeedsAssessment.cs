namespace NspWorkflow.Domain.Cases;

public enum NeedsAssessmentKind
{
    /// <summary>With the application: the needs the shelter sees at placement.</summary>
    Initial,

    /// <summary>Before extended support or integration: every area assessed.</summary>
    Comprehensive,
}

/// <summary>The areas of the comprehensive needs assessment (the program's guidance lists them).</summary>
public enum NeedArea
{
    Housing,
    MaterialSupport,
    HealthCare,
    PsychologicalSupport,
    LegalAdvice,
    Interpretation,
    ReturnInformation,
    OnwardReferral,
    SchoolingForChildren,
}

/// <summary>One area: whether there is a need, the support planned, notes. The texts are free text (stored encrypted).</summary>
public sealed record NeedEntry(bool Need, string? PlannedSupport = null, string? Notes = null);

/// <summary>A needs assessment made on <see cref="Date"/>.</summary>
public sealed record NeedsAssessment(NeedsAssessmentKind Kind, DateOnly Date, IReadOnlyDictionary<NeedArea, NeedEntry> Areas)
{
    public const int MaxTextLength = 2000;

    /// <summary>
    /// Every broken rule, fields under <paramref name="field"/>. A comprehensive assessment covers every area, schooling
    /// only when the person has children.
    /// </summary>
    public IEnumerable<RuleViolation> Validate(string field, bool hasChildren)
    {
        if (!Enum.IsDefined(Kind))
            yield return new($"{field}.kind", RuleViolationCode.Invalid);
        if (Kind == NeedsAssessmentKind.Comprehensive)
        {
            foreach (var area in Enum.GetValues<NeedArea>())
            {
                if (!Areas.ContainsKey(area) && (area != NeedArea.SchoolingForChildren || hasChildren))
                    yield return new($"{field}.areas.{Json(area)}", RuleViolationCode.Required);
            }
        }

        foreach (var (area, entry) in Areas)
        {
            if (!Enum.IsDefined(area))
                yield return new($"{field}.areas", RuleViolationCode.Invalid);
            if (entry.PlannedSupport is { Length: > MaxTextLength })
                yield return new($"{field}.areas.{Json(area)}.plannedSupport", RuleViolationCode.TooLong, MaxTextLength);
            if (entry.Notes is { Length: > MaxTextLength })
                yield return new($"{field}.areas.{Json(area)}.notes", RuleViolationCode.TooLong, MaxTextLength);
        }
    }

    /// <summary>The area's name as the API spells it (camelCase).</summary>
    public static string Json(NeedArea area) => area.ToString() is var name ? char.ToLowerInvariant(name[0]) + name[1..] : "";
}
