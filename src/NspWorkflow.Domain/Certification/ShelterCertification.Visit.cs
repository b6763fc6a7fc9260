namespace NspWorkflow.Domain.Certification;

/// <summary>Step 2: the visit, and the action plan it ends in when requirements are not met.</summary>
public sealed partial class ShelterCertification
{
    /// <summary>
    /// Records the visit: a finding for every requirement, and for each one not met at least one action with a deadline
    /// after the visit. All met: the certification may be granted; otherwise the shelter works the plan.
    /// </summary>
    public void RecordVisit(CertificationVisit visit, IReadOnlyList<ActionItemDraft> actions, RequirementCatalog catalog, DateOnly today)
    {
        RequireStage(CertificationStage.AwaitingVisit);
        var violations = new List<RuleViolation>();
        if (visit.Date > today)
            violations.Add(new("visit.date", RuleViolationCode.InFuture));
        foreach (var requirement in catalog.Requirements)
        {
            var field = $"findings.{requirement.Key}";
            var found = visit.Findings.Where(f => string.Equals(f.Key, requirement.Key, StringComparison.OrdinalIgnoreCase)).ToList();
            if (found.Count != 1)
                violations.Add(new(field, found.Count == 0 ? RuleViolationCode.Required : RuleViolationCode.Duplicate));
            else if (found[0].Note?.Trim().Length > VisitFinding.MaxNoteLength)
                violations.Add(new($"{field}.note", RuleViolationCode.TooLong, VisitFinding.MaxNoteLength));
            else if (!found[0].Met && !actions.Any(a => string.Equals(a.RequirementKey, requirement.Key, StringComparison.OrdinalIgnoreCase)))
                violations.Add(new($"actions.{requirement.Key}", RuleViolationCode.Required));
        }

        foreach (var finding in visit.Findings.Where(f => !catalog.Contains(f.Key)))
            violations.Add(new($"findings.{finding.Key}", RuleViolationCode.NotFound));
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            if (!visit.Unmet.Any(f => string.Equals(f.Key, action.RequirementKey, StringComparison.OrdinalIgnoreCase)))
                violations.Add(new($"actions[{i}].requirementKey", RuleViolationCode.Invalid));
            if (string.IsNullOrWhiteSpace(action.Text))
                violations.Add(new($"actions[{i}].text", RuleViolationCode.Required));
            else if (action.Text.Trim().Length > ActionItem.MaxTextLength)
                violations.Add(new($"actions[{i}].text", RuleViolationCode.TooLong, ActionItem.MaxTextLength));
            if (action.Deadline <= visit.Date)
                violations.Add(new($"actions[{i}].deadline", RuleViolationCode.TooEarly, visit.Date.AddDays(1).ToString("yyyy-MM-dd")));
        }

        if (violations.Count > 0)
            throw new RuleViolationException(violations);

        Visit = visit;
        ActionPlan = [.. actions.Select(a => new ActionItem
        {
            Id = Guid.NewGuid(), RequirementKey = a.RequirementKey, Text = a.Text.Trim(), Deadline = a.Deadline, Status = ActionItemStatus.Open,
        })];
        Stage = ActionPlan.Count == 0 ? CertificationStage.ReadyToGrant : CertificationStage.ActionPlan;
    }

    /// <summary>The shelter reports an action done, in its words and with a file if it has one.</summary>
    public void ReportDone(Guid actionId, string comment, string? file)
    {
        RequireStage(CertificationStage.ActionPlan);
        var action = Action(actionId);
        if (action.Status != ActionItemStatus.Open)
            throw new RuleViolationException([new("status", RuleViolationCode.WrongStage)]);
        action.ReportComment = RequireComment(comment, "comment");
        action.ReportFile = file;
        action.ReviewComment = null;
        action.Status = ActionItemStatus.Reported;
    }

    /// <summary>The coordinator accepts a reported action; with the last one the certification may be granted.</summary>
    public void AcceptAction(Guid actionId)
    {
        RequireStage(CertificationStage.ActionPlan);
        var action = Action(actionId);
        if (action.Status != ActionItemStatus.Reported)
            throw new RuleViolationException([new("status", RuleViolationCode.WrongStage)]);
        action.Status = ActionItemStatus.Accepted;
        if (ActionPlan.All(a => a.Status == ActionItemStatus.Accepted))
            Stage = CertificationStage.ReadyToGrant;
    }

    /// <summary>The coordinator reopens a reported action with why, and may move its deadline (not before today).</summary>
    public void ReopenAction(Guid actionId, string comment, DateOnly? deadline, DateOnly today)
    {
        RequireStage(CertificationStage.ActionPlan);
        var action = Action(actionId);
        if (action.Status != ActionItemStatus.Reported)
            throw new RuleViolationException([new("status", RuleViolationCode.WrongStage)]);
        if (deadline is { } day && day < today)
            throw new RuleViolationException([new("deadline", RuleViolationCode.TooEarly, today.ToString("yyyy-MM-dd"))]);
        action.ReviewComment = RequireComment(comment, "comment");
        action.Deadline = deadline ?? action.Deadline;
        action.Status = ActionItemStatus.Open;
    }

    private ActionItem Action(Guid id) =>
        ActionPlan.SingleOrDefault(a => a.Id == id) ?? throw new RuleViolationException([new("action", RuleViolationCode.NotFound)]);
}
