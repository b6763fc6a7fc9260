namespace NspWorkflow.Domain.Certification;

public enum ActionItemStatus
{
    /// <summary>To be done by the shelter by its deadline (again, when the coordinator reopened it).</summary>
    Open,

    /// <summary>The shelter reported it done; the coordinator has not yet accepted or reopened it.</summary>
    Reported,

    /// <summary>The coordinator accepted it: it no longer has a deadline.</summary>
    Accepted,
}

/// <summary>What the coordinator states for one action of the plan at the visit.</summary>
public sealed record ActionItemDraft(string RequirementKey, string Text, DateOnly Deadline);

/// <summary>An action of the plan a visit ends in ("åtgärdsplan"): what the shelter must do about a requirement not met, by when.</summary>
public sealed class ActionItem
{
    public const int MaxTextLength = 2000;

    public Guid Id { get; init; }
    public string RequirementKey { get; init; } = "";
    public string Text { get; init; } = "";
    public DateOnly Deadline { get; set; }
    public ActionItemStatus Status { get; set; }

    /// <summary>The shelter's words when it reported the action done.</summary>
    public string? ReportComment { get; set; }

    /// <summary>The stored file the shelter attached to its report, if any (a reference, as receipts are kept).</summary>
    public string? ReportFile { get; set; }

    /// <summary>Why the coordinator reopened it, shown to the shelter.</summary>
    public string? ReviewComment { get; set; }

    /// <summary>Whether the deadline still binds the shelter (not yet accepted).</summary>
    public bool IsPending => Status != ActionItemStatus.Accepted;
}
