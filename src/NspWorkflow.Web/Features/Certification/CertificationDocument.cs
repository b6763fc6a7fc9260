using System.Text.Json;
using System.Text.Json.Serialization;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain.Certification;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>
/// A certification as its row's JSON document: the domain's own records (questionnaire, visit, actions), enums by name so
/// the stored text reads and survives a reordered enum.
/// </summary>
public sealed record CertificationDocument(
    Questionnaire? Questionnaire,
    string? ReturnComment,
    CertificationVisit? Visit,
    List<ActionItem> ActionPlan,
    DateOnly? GrantedOn,
    DateOnly? ValidUntil)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static ShelterCertification Read(CertificationRow row)
    {
        var document = JsonSerializer.Deserialize<CertificationDocument>(row.Document, Json)
            ?? throw new InvalidOperationException("A certification row holds no document.");
        return ShelterCertification.Restore(row.Id, row.ShelterId, row.RequirementsYear, Enum.Parse<CertificationStage>(row.Stage),
            document.Questionnaire, document.ReturnComment, document.Visit, document.ActionPlan, document.GrantedOn, document.ValidUntil);
    }

    /// <summary>Writes the certification into its row, with a new version: of two changes at once, one is stored.</summary>
    public static void Write(ShelterCertification certification, CertificationRow row, DateTimeOffset now)
    {
        row.Stage = certification.Stage.ToString();
        row.Document = JsonSerializer.Serialize(new CertificationDocument(certification.Questionnaire, certification.ReturnComment,
            certification.Visit, certification.ActionPlan, certification.GrantedOn, certification.ValidUntil), Json);
        row.UpdatedAt = now;
        row.Version = Guid.NewGuid();
    }
}
