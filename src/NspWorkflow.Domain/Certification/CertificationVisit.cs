namespace NspWorkflow.Domain.Certification;

/// <summary>What the coordinator found about one requirement at the visit.</summary>
public sealed record VisitFinding(string Key, bool Met, string? Note)
{
    public const int MaxNoteLength = 2000;
}

/// <summary>Step 2 of certification ("Certifieringsbesök"): the visit's day and a finding per requirement.</summary>
public sealed record CertificationVisit(DateOnly Date, IReadOnlyList<VisitFinding> Findings)
{
    public IEnumerable<VisitFinding> Unmet => Findings.Where(f => !f.Met);
}
