using System.Text.Json;
using NspWorkflow.Data.Certification;
using NspWorkflow.Domain.Certification;
using NspWorkflow.Domain.Shelters;

namespace NspWorkflow.Web.Features.Certification;

/// <summary>An invitation as its row: the columns lists read, and the answers and the reason for a decline as JSON.</summary>
public sealed record InvitationDocument(Questionnaire? Questionnaire, string? DeclineComment)
{
    public static CertificationInvitation Read(CertificationInvitationRow row)
    {
        var document = JsonSerializer.Deserialize<InvitationDocument>(row.Document, CertificationDocument.Json)
            ?? throw new InvalidOperationException("An invitation row holds no document.");
        return CertificationInvitation.Restore(row.Id, row.ShelterName, Enum.Parse<Region>(row.Region), row.ContactEmail, row.RequirementsYear,
            row.InvitedOn, Enum.Parse<InvitationStage>(row.Stage), document.Questionnaire, row.ShelterId, document.DeclineComment);
    }

    /// <summary>Writes the invitation into its row, with a new version: of two changes at once, one is stored.</summary>
    public static void Write(CertificationInvitation invitation, CertificationInvitationRow row, DateTimeOffset now)
    {
        row.Id = invitation.Id;
        row.ShelterName = invitation.ShelterName;
        row.Region = invitation.Region.ToString();
        row.ContactEmail = invitation.ContactEmail;
        row.RequirementsYear = invitation.RequirementsYear;
        row.InvitedOn = invitation.InvitedOn;
        row.Stage = invitation.Stage.ToString();
        row.ShelterId = invitation.ShelterId;
        row.Document = JsonSerializer.Serialize(new InvitationDocument(invitation.Questionnaire, invitation.DeclineComment), CertificationDocument.Json);
        row.UpdatedAt = now;
        row.Version = Guid.NewGuid();
    }
}
