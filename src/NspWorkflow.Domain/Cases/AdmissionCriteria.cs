namespace NspWorkflow.Domain.Cases;

/// <summary>
/// The three admission criteria the shelter confirms: the person is likely a victim of trafficking, the shelter can meet
/// their needs, and society does not fund the support. All three must hold.
/// </summary>
public sealed record AdmissionCriteria(bool LikelyVictim, bool ShelterCanMeetNeeds, bool NotFundedBySociety)
{
    public IEnumerable<RuleViolation> Validate(string field)
    {
        if (!LikelyVictim)
            yield return new($"{field}.likelyVictim", RuleViolationCode.CriterionNotMet);
        if (!ShelterCanMeetNeeds)
            yield return new($"{field}.shelterCanMeetNeeds", RuleViolationCode.CriterionNotMet);
        if (!NotFundedBySociety)
            yield return new($"{field}.notFundedBySociety", RuleViolationCode.CriterionNotMet);
    }
}
