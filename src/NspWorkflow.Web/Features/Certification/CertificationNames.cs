namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// The names the certification process (<c>workflows/nsp-certification.bpmn</c>) and the app share. Its instances' business
/// key is the certification (kind <see cref="SubjectKind"/>); the variables carry ids and the shelter's name, which is not
/// personal data.
/// </summary>
public static class CertificationNames
{
    /// <summary>The process from the questionnaire through the visit and its action plan to the grant.</summary>
    public const string Process = "nsp-certification";

    /// <summary>The business key kind of certifications.</summary>
    public const string SubjectKind = "certification";

    public const string CertificationVariable = "certificationId";
    public const string ShelterVariable = "shelterId";
    public const string ReferenceVariable = "reference";

    /// <summary>True when the questionnaire came answered through an invitation: the process starts at the review.</summary>
    public const string AnsweredVariable = "questionnaireAnswered";

    /// <summary>What names a certification in lists and mail: the shelter and the requirements' year.</summary>
    public static string ReferenceOf(string shelterName, int year) => $"{shelterName} {year}".Trim();

    public static Dictionary<string, object?> VariablesOf(Guid certificationId, Guid shelterId, string reference, bool answered = false) => new()
    {
        [AnsweredVariable] = answered,
        [CertificationVariable] = certificationId.ToString(),
        [ShelterVariable] = shelterId.ToString(),
        [ReferenceVariable] = reference,
    };
}
