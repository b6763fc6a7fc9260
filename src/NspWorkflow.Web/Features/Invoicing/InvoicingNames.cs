using NspWorkflow.Data.Invoicing;
using NspWorkflow.Domain.Invoicing;

namespace NspWorkflow.Web.Features.Invoicing;

/// <summary>
/// The names the attestation process (<c>workflows/nsp-invoice.bpmn</c>) and the app share. Its instances' business key is
/// the basis (kind <see cref="SubjectKind"/>); the variables carry ids, the month and the shelter's name, never a case.
/// </summary>
public static class InvoicingNames
{
    /// <summary>The process in which the coordinator attests a submitted invoice or sends it back.</summary>
    public const string Process = "nsp-invoice";

    /// <summary>The business key kind of invoice bases.</summary>
    public const string SubjectKind = "invoice";

    public const string BasisVariable = "invoiceBasisId";
    public const string ShelterVariable = "shelterId";
    public const string ReferenceVariable = "reference";

    public static string ReferenceOf(InvoiceMonth month, string shelterName) => $"{month} {shelterName}".Trim();

    public static Dictionary<string, object?> VariablesOf(InvoiceBasisRow basis, string reference) => new()
    {
        [BasisVariable] = basis.Id.ToString(),
        [ShelterVariable] = basis.ShelterId.ToString(),
        [ReferenceVariable] = reference,
    };
}
