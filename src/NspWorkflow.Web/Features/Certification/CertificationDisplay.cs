using NspWorkflow.Domain.Certification;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>How the certification pages name the domain's values; each name is a key of the message table.</summary>
public static class CertificationDisplay
{
    public static string StageName(CertificationStage stage) => $"Certification.Stage.{stage}";

    public static string ActionStatusName(ActionItemStatus status) => $"Certification.Action.{status}";

    /// <summary>An invitation's stage; one still waiting for answers past its last day is named expired.</summary>
    public static string InvitationStageName(CertificationInvitation invitation, DateOnly today) =>
        invitation.Stage == InvitationStage.Invited && !invitation.IsOpen(today) ? "Certification.Invitation.Expired" : $"Certification.Invitation.{invitation.Stage}";

    public static string RoutineCheckStatusName(RoutineCheckStatus status) => $"Certification.RoutineCheck.{status}";
}
