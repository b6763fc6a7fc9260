using NspWorkflow.Domain.Certification;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>How the certification pages name the domain's values; each name is a key of the message table.</summary>
public static class CertificationDisplay
{
    public static string StageName(CertificationStage stage) => $"Certification.Stage.{stage}";

    public static string ActionStatusName(ActionItemStatus status) => $"Certification.Action.{status}";

    public static string RoutineCheckStatusName(RoutineCheckStatus status) => $"Certification.RoutineCheck.{status}";
}
